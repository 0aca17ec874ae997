package cn.tongguan.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails on a key used in code or FXML but missing from a bundle, on a key in a bundle that nothing uses,
 * and on a key present in one language but not the other.
 */
class MessagesKeysTest {
    static final Path MAIN = Path.of("src", "main");
    static final Path BUNDLES = MAIN.resolve("resources/cn/tongguan/console/i18n");
    /** Java: {@code messages.text("key"} (any receiver named *messages or *Messages). */
    static final Pattern JAVA_KEY = Pattern.compile("(?i)messages\\.text\\(\\s*\"([A-Za-z0-9_.-]+)\"");
    /** FXML: {@code text="%key"}, {@code promptText="%key"} … */
    static final Pattern FXML_KEY = Pattern.compile("=\"%([A-Za-z0-9_.-]+)\"");

    static Set<String> usedKeys(Path root) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                Pattern pattern = name.endsWith(".java") ? JAVA_KEY : name.endsWith(".fxml") ? FXML_KEY : null;
                if (pattern != null) {
                    Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        keys.add(matcher.group(1));
                    }
                }
            }
        }
        return keys;
    }

    static Set<String> bundleKeys(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void everyUsedKeyIsInTheChineseBundleAndEveryChineseKeyIsUsed() throws IOException {
        assertThat(bundleKeys("messages.properties")).isEqualTo(usedKeys(MAIN));
    }

    @Test
    void englishHasExactlyTheChineseKeys() throws IOException {
        assertThat(bundleKeys("messages_en.properties")).isEqualTo(bundleKeys("messages.properties"));
    }

    @Test
    void scannerFindsKeysInJavaAndFxml(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("A.java"), "x = messages.text(\"a.b\", 1);");
        Files.writeString(dir.resolve("B.fxml"), "<Label text=\"%c.d\"/>");
        assertThat(usedKeys(dir)).containsExactly("a.b", "c.d");
    }

    @Test
    void chineseIsTheDefaultAndEnglishTheSecondLocale() {
        assertThat(Messages.load(Locale.SIMPLIFIED_CHINESE).text("shell.tab.seat")).isEqualTo("坐席");
        assertThat(Messages.load(Locale.GERMAN).text("shell.tab.seat")).isEqualTo("坐席");
        assertThat(Messages.load(Locale.ENGLISH).text("shell.tab.seat")).isEqualTo("Seat");
    }
}
