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

    @Test
    void sameSeedGivesTheSameCaseHistory() throws Exception {
        DemoCity city = new DemoCityGenerator().generate(7, PARTS, DemoCityGenerator.DEFAULT_CAMERA_URL);
        assertThat(caseHash(city, 7)).isEqualTo(caseHash(city, 7)).isNotEqualTo(caseHash(city, 8));
    }

    private static String caseHash(DemoCity city, long seed) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        new CaseHistoryGenerator(city, CodeTables.load().categories(), CaseHistoryTest.CLOCK,
                java.time.LocalDate.of(2026, 10, 1), CaseHistoryTest.END, 20_000, seed)
                .generate(c -> digest.update(c.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
