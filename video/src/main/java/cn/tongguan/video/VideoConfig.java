package cn.tongguan.video;

import java.time.Duration;
import java.util.Locale;

/**
 * Settings of a wall. {@link #defaults()} are the production values; tests shorten the times.
 *
 * @param engine          AUTO, or force one engine for every stream
 * @param decodeBudget    at most this many live decodes; tiles beyond it show stills
 * @param stillInterval   how often a still tile refreshes its picture
 * @param staleAfter      a live tile without a new frame for this long is stale ("no frames")
 * @param connectTimeout  a connection without a first frame after this long has "timed out"
 * @param backoffMin      first reconnect delay; doubles on every failure ...
 * @param backoffMax      ... up to this; reconnects never stop
 * @param preroll         connect a tour's next camera before its turn
 * @param prerollLead     how long before its turn the next camera is connected
 * @param offlineRetry    a camera a tour skipped as offline is tried again after this
 * @param dwellMin        shortest dwell a tour may ask for (5 s in production)
 * @param dwellMax        longest dwell (300 s)
 * @param networkCaching  libvlc's network buffer
 * @param locale          language of the tiles' texts (Chinese unless English is asked for)
 */
public record VideoConfig(EngineChoice engine, int decodeBudget, Duration stillInterval, Duration staleAfter,
                          Duration connectTimeout, Duration backoffMin, Duration backoffMax, boolean preroll,
                          Duration prerollLead, Duration offlineRetry, Duration dwellMin, Duration dwellMax,
                          Duration networkCaching, Locale locale) {
    public VideoConfig {
        if (decodeBudget < 0) {
            throw new IllegalArgumentException("decode budget must not be negative");
        }
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }

    public static VideoConfig defaults() {
        return new VideoConfig(EngineChoice.AUTO, 16, Duration.ofSeconds(5), Duration.ofSeconds(3),
                Duration.ofSeconds(8), Duration.ofSeconds(1), Duration.ofSeconds(30), true,
                Duration.ofSeconds(4), Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(300),
                Duration.ofMillis(300), Locale.SIMPLIFIED_CHINESE);
    }

    public VideoConfig withEngine(EngineChoice value) {
        return new VideoConfig(value, decodeBudget, stillInterval, staleAfter, connectTimeout, backoffMin,
                backoffMax, preroll, prerollLead, offlineRetry, dwellMin, dwellMax, networkCaching, locale);
    }

    public VideoConfig withDecodeBudget(int value) {
        return new VideoConfig(engine, value, stillInterval, staleAfter, connectTimeout, backoffMin,
                backoffMax, preroll, prerollLead, offlineRetry, dwellMin, dwellMax, networkCaching, locale);
    }

    public VideoConfig withPreroll(boolean value) {
        return new VideoConfig(engine, decodeBudget, stillInterval, staleAfter, connectTimeout, backoffMin,
                backoffMax, value, prerollLead, offlineRetry, dwellMin, dwellMax, networkCaching, locale);
    }

    public VideoConfig withLocale(Locale value) {
        return new VideoConfig(engine, decodeBudget, stillInterval, staleAfter, connectTimeout, backoffMin,
                backoffMax, preroll, prerollLead, offlineRetry, dwellMin, dwellMax, networkCaching, value);
    }

    /** Short times for tests: one-second dwell allowed, quick reconnects and stills. */
    public VideoConfig fast() {
        return new VideoConfig(engine, decodeBudget, Duration.ofSeconds(1), Duration.ofMillis(2000),
                Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(2), preroll,
                Duration.ofMillis(2000), Duration.ofSeconds(30), Duration.ofMillis(500), dwellMax, networkCaching, locale);
    }

    /** The dwell a tour gets on this wall: its own, kept within the configured bounds. */
    public Duration clampDwell(Duration dwell) {
        if (dwell.compareTo(dwellMin) < 0) {
            return dwellMin;
        }
        return dwell.compareTo(dwellMax) > 0 ? dwellMax : dwell;
    }
}
