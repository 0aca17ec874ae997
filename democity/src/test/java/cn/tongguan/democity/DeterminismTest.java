package cn.tongguan.democity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed → same city, byte for byte; another seed → another city. A smaller part count keeps it quick. */
class DeterminismTest {
    private static final int PARTS = 50_000;

    @Test
    void sameSeedGivesTheSameCityAndTheFilesCarryTheSameHash(@TempDir Path dir) throws Exception {
        DemoCityGenerator generator = new DemoCityGenerator();
        String first = DemoCityExport.hash(generator.generate(7, PARTS, DemoCityGenerator.DEFAULT_CAMERA_URL));
        String written = DemoCityExport.write(new DemoCityGenerator().generate(7, PARTS, DemoCityGenerator.DEFAULT_CAMERA_URL), dir);
        assertThat(written).isEqualTo(first).matches("[0-9a-f]{64}");
        assertThat(Files.lines(dir.resolve("parts.ndjson")).count()).isEqualTo(PARTS);
    }

    @Test
    void anotherSeedGivesAnotherCity() throws Exception {
        DemoCityGenerator generator = new DemoCityGenerator();
        assertThat(DemoCityExport.hash(generator.generate(7, PARTS, DemoCityGenerator.DEFAULT_CAMERA_URL)))
                .isNotEqualTo(DemoCityExport.hash(generator.generate(8, PARTS, DemoCityGenerator.DEFAULT_CAMERA_URL)));
    }
}
