package cn.tongguan.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule holds on the main code of all modules (so a violation fails {@code mvn verify}), and every
 * rule is shown to fail on a deliberate violation, so none of them can pass vacuously.
 */
class ArchitectureTest {
    private static JavaClasses production;
    private static JavaClasses violations;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // The api's test-jar (the test clocks) is test code too, though it arrives as a jar.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("cn.tongguan");
        violations = new ClassFileImporter().importPackages("fixture.cn.tongguan");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("COMPONENTS_KNOW_NOTHING_OF_THE_SYSTEM", ArchitectureRules.COMPONENTS_KNOW_NOTHING_OF_THE_SYSTEM, "MapKnowsTheApi"),
                Arguments.of("REPORTS_KNOW_NOTHING_OF_THE_SYSTEM", ArchitectureRules.REPORTS_KNOW_NOTHING_OF_THE_SYSTEM, "ReportsKnowThePlatform"),
                Arguments.of("API_DEPENDS_ON_NOTHING_OF_OURS", ArchitectureRules.API_DEPENDS_ON_NOTHING_OF_OURS, "ApiKnowsTheConsole"),
                Arguments.of("PLATFORM_AND_CONSOLE_MEET_ONLY_IN_API", ArchitectureRules.PLATFORM_AND_CONSOLE_MEET_ONLY_IN_API, "PlatformKnowsTheConsole"),
                Arguments.of("CONSOLE_DOES_NOT_REACH_INTO_THE_PLATFORM", ArchitectureRules.CONSOLE_DOES_NOT_REACH_INTO_THE_PLATFORM, "SyncUsesJavaFx"),
                Arguments.of("DEMO_CITY_IS_A_PLATFORM_CLIENT", ArchitectureRules.DEMO_CITY_IS_A_PLATFORM_CLIENT, "DemoCityKnowsTheConsole"),
                Arguments.of("NO_JAVAFX_OUTSIDE_THE_UI", ArchitectureRules.NO_JAVAFX_OUTSIDE_THE_UI, "SyncUsesJavaFx"),
                Arguments.of("SLF4J_ONLY", ArchitectureRules.SLF4J_ONLY, "LogsWithJul"),
                Arguments.of("NO_STANDARD_STREAMS", ArchitectureRules.NO_STANDARD_STREAMS, "PrintsToStdout"),
                Arguments.of("TIME_IS_INJECTED", ArchitectureRules.TIME_IS_INJECTED, "ReadsTheWallClock"),
                Arguments.of("VIEW_MODELS_USE_NO_CONTROLS", ArchitectureRules.VIEW_MODELS_USE_NO_CONTROLS, "DrawingViewModel"),
                Arguments.of("VIEWS_DO_NOT_TOUCH_SYNC_OR_CACHE", ArchitectureRules.VIEWS_DO_NOT_TOUCH_SYNC_OR_CACHE, "FetchingView"),
                Arguments.of("MAP_INTERNALS_STAY_INSIDE", ArchitectureRules.MAP_INTERNALS_STAY_INSIDE, "ReachesIntoTheRenderer"),
                Arguments.of("THREADS_ONLY_IN_COMPOSITION_ROOTS", ArchitectureRules.THREADS_ONLY_IN_COMPOSITION_ROOTS,
                        "StartsItsOwnThread"));
    }

    @Test
    void productionCodeWasFoundInEveryModule() {
        assertThat(production.containPackage("cn.tongguan.api")).isTrue();
        assertThat(production.containPackage("cn.tongguan.platform")).isTrue();
        assertThat(production.containPackage("cn.tongguan.console.sync")).isTrue();
        assertThat(production.containPackage("cn.tongguan.console.shell")).isTrue();
        assertThat(production.containPackage("cn.tongguan.democity")).isTrue();
        assertThat(production.containPackage("cn.tongguan.reports")).isTrue();
    }

    @ParameterizedTest(name = "{0} holds on the main code")
    @MethodSource("rules")
    void ruleHoldsOnMainCode(String name, ArchRule rule, String violator) {
        rule.check(production);
    }

    @ParameterizedTest(name = "{0} fails on a deliberate violation")
    @MethodSource("rules")
    void ruleFailsOnDeliberateViolation(String name, ArchRule rule, String violator) {
        assertThatThrownBy(() -> rule.check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(violator);
    }

    @Test
    void everyRuleIsExercised() {
        assertThat(rules().map(a -> a.get()[1])).containsExactlyInAnyOrderElementsOf(ArchitectureRules.ALL);
    }
}
