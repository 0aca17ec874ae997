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
 * @param wall     {@code --wall}: run as the display wall instead of a seat
 * @param wallLayout {@code --wall-layout=FILE}: the wall's layout (default: the daily layout shipped inside)
 * @param wallUser the 大屏 account the wall signs in with ({@code --wall-user}, password from {@code wall.password}
 *                 in the config file or the TONGGUAN_WALL_PASSWORD environment variable; the demo's is the default)
 * @param trustStore {@code --trust-store=FILE}: a city's own CA (PEM certificates, or a PKCS#12 store whose password is
 *                 in TONGGUAN_TRUST_STORE_PASSWORD) trusted for an {@code https://} platform besides the JDK's
 *                 default authorities ({@link TrustedCertificates}); null: the JDK's only
 */
public record ConsoleConfig(URI platform, Locale locale, Path dataDir, boolean wall, Path wallLayout, String wallUser,
                            String wallPassword, Path trustStore) {
    public static final URI DEFAULT_PLATFORM = URI.create("http://127.0.0.1:8080");

    /** Without a trust store of its own (the JDK's authorities only). */
    public ConsoleConfig(URI platform, Locale locale, Path dataDir, boolean wall, Path wallLayout, String wallUser,
                         String wallPassword) {
        this(platform, locale, dataDir, wall, wallLayout, wallUser, wallPassword, null);
    }

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
        boolean wall = settings.containsKey("wall") && !"false".equals(settings.getProperty("wall"));
        String layout = settings.getProperty("wall-layout");
        String password = System.getenv().getOrDefault("TONGGUAN_WALL_PASSWORD", settings.getProperty("wall.password", "tongguan"));
        String trust = settings.getProperty("trust-store");
        return new ConsoleConfig(platform, locale, data, wall, layout == null ? null : Path.of(layout),
                settings.getProperty("wall-user", "wall"), password, trust == null ? null : Path.of(trust));
    }
}
