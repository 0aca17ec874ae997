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
 * @param standbys further instances of the same platform ({@code --platform=http://a:8080,http://b:8080}): the console
 *                 moves to the live one (ADR 0100); {@code platform} stays the city's identity (cache folders)
 * @param trustStore {@code --trust-store=FILE}: a city's own CA (PEM certificates, or a PKCS#12 store whose password is
 *                 in TONGGUAN_TRUST_STORE_PASSWORD) trusted for an {@code https://} platform besides the JDK's
 *                 default authorities ({@link TrustedCertificates}); null: the JDK's only
 */
public record ConsoleConfig(URI platform, Locale locale, Path dataDir, boolean wall, Path wallLayout, String wallUser,
                            String wallPassword, Path trustStore, java.util.List<URI> standbys) {
    public static final URI DEFAULT_PLATFORM = URI.create("http://127.0.0.1:8080");

    public ConsoleConfig {
        standbys = standbys == null ? java.util.List.of() : java.util.List.copyOf(standbys);
    }

    /** One platform instance, the JDK's authorities only. */
    public ConsoleConfig(URI platform, Locale locale, Path dataDir, boolean wall, Path wallLayout, String wallUser,
                         String wallPassword) {
        this(platform, locale, dataDir, wall, wallLayout, wallUser, wallPassword, null, java.util.List.of());
    }

    /** One platform instance. */
    public ConsoleConfig(URI platform, Locale locale, Path dataDir, boolean wall, Path wallLayout, String wallUser,
                         String wallPassword, Path trustStore) {
        this(platform, locale, dataDir, wall, wallLayout, wallUser, wallPassword, trustStore, java.util.List.of());
    }

    /** Every address of the platform, the first one first. */
    public java.util.List<URI> platforms() {
        java.util.List<URI> all = new java.util.ArrayList<>();
        all.add(platform);
        all.addAll(standbys);
        return all;
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
        java.util.List<URI> addresses = java.util.Arrays.stream(settings.getProperty("platform", DEFAULT_PLATFORM.toString())
                .split(",")).map(String::trim).filter(a -> !a.isEmpty()).map(URI::create).toList();
        URI platform = addresses.isEmpty() ? DEFAULT_PLATFORM : addresses.get(0);
        Locale locale = "en".equalsIgnoreCase(settings.getProperty("lang", "zh")) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Path data = Path.of(settings.getProperty("data",
                Path.of(System.getProperty("user.home"), ".tongguan", "console").toString()));
        boolean wall = settings.containsKey("wall") && !"false".equals(settings.getProperty("wall"));
        String layout = settings.getProperty("wall-layout");
        String password = System.getenv().getOrDefault("TONGGUAN_WALL_PASSWORD", settings.getProperty("wall.password", "tongguan"));
        String trust = settings.getProperty("trust-store");
        return new ConsoleConfig(platform, locale, data, wall, layout == null ? null : Path.of(layout),
                settings.getProperty("wall-user", "wall"), password, trust == null ? null : Path.of(trust),
                addresses.size() > 1 ? addresses.subList(1, addresses.size()) : java.util.List.of());
    }
}
