package cn.tongguan.console.app;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of one console: defaults, overridden by the optional file named by {@code --config}, overridden
 * by command-line flags ({@code --platform=http://host:port --lang=en --data=DIR}).
 *
 * @param platform base address of the 运管服 platform (without {@code /api/v1})
 * @param locale   language of the UI: Chinese by default, English as the second locale
 * @param dataDir  where the local caches live (one H2 file per platform and user); default {@code ~/.tongguan/console}
 */
public record ConsoleConfig(URI platform, Locale locale, Path dataDir) {
    public static final URI DEFAULT_PLATFORM = URI.create("http://127.0.0.1:8080");

    public static ConsoleConfig fromFlags(Map<String, String> flags) throws IOException {
        Properties settings = new Properties();
        String file = flags.get("config");
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                settings.load(reader);
            }
        }
        settings.putAll(flags);
        URI platform = URI.create(settings.getProperty("platform", DEFAULT_PLATFORM.toString()));
        Locale locale = "en".equalsIgnoreCase(settings.getProperty("lang", "zh")) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Path data = Path.of(settings.getProperty("data",
                Path.of(System.getProperty("user.home"), ".tongguan", "console").toString()));
        return new ConsoleConfig(platform, locale, data);
    }
}
