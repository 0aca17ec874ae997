package cn.tongguan.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The decision records stay findable: each carries a status, and the index lists each with that status. */
class ArchitectureDecisionsTest {
    /** This module runs in {@code src/test}; the records are at the repository's top. */
    private static final Path DECISIONS = Path.of("..", "..", "docs", "decisions");
    private static final Pattern STATUS = Pattern.compile("(?m)^(?:Date: [^\\n]*· )?Status: *([^\\n·(]+)");

    @Test
    void everyDecisionHasAStatusAndIsInTheIndexWithIt() throws IOException {
        String index = Files.readString(DECISIONS.resolve("README.md"), StandardCharsets.UTF_8);
        List<Path> records;
        try (Stream<Path> files = Files.list(DECISIONS)) {
            records = files.filter(p -> p.getFileName().toString().matches("\\d{4}-.*\\.md")).sorted().toList();
        }
        assertThat(records).hasSizeGreaterThan(50);
        for (Path record : records) {
            String text = Files.readString(record, StandardCharsets.UTF_8);
            var status = STATUS.matcher(text);
            assertThat(status.find()).as(record + " has no Status: line").isTrue();
            String name = record.getFileName().toString();
            String expected = "](" + name + ") |";
            assertThat(index).as(name + " is not in docs/decisions/README.md").contains(expected);
            String row = index.lines().filter(l -> l.contains(expected)).findFirst().orElseThrow();
            assertThat(row).as(name).endsWith("| " + status.group(1).trim().replaceAll("\\.$", "") + " |");
        }
    }
}
