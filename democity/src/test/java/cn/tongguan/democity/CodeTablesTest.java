package cn.tongguan.democity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CodeTablesTest {
    private final CodeTables tables = CodeTables.load();

    @Test
    void partSharesAddUpToOne() {
        assertThat(tables.partClasses().stream().mapToDouble(PartClass::share).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void everyPartClassIsOwnedByACityDepartmentThatHandlesIt() {
        Set<String> departments = tables.departments().stream().map(Department::code).collect(Collectors.toSet());
        tables.partClasses().forEach(c -> {
            assertThat(c.code()).matches("0[1-5]\\d{3}");
            assertThat(departments).contains(c.department());
        });
    }

    @Test
    void thresholdsRiseWithTheLevel() {
        assertThat(tables.thresholds().stream()
                .filter(t -> t.kind() == Sensor.Kind.WATERLOGGING && t.quantity().equals("depth")).map(Threshold::value))
                .containsExactly(5.0, 15.0, 25.0, 40.0);
    }

    @Test
    void quotasAddUpExactly() {
        int[] quotas = PartGenerator.quotas(tables.partClasses(), 629_724);
        assertThat(java.util.Arrays.stream(quotas).sum()).isEqualTo(629_724);
    }
}
