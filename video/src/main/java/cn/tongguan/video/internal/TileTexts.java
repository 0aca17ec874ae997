package cn.tongguan.video.internal;

import cn.tongguan.video.FailureReason;
import cn.tongguan.video.TileState;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words a tile shows, from {@code cn/tongguan/video/messages*.properties}: Chinese by default, English
 * for an English locale. Keys ending in {@code _1} take one argument. Immutable.
 */
public final class TileTexts {
    private final ResourceBundle bundle;
    private final Locale locale;

    public TileTexts(Locale locale) {
        this.locale = locale;
        // no fallback to the JVM's default locale: the wall speaks the console's language, not the host's
        this.bundle = ResourceBundle.getBundle("cn.tongguan.video.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public String get(String key, Object argument) {
        return new MessageFormat(bundle.getString(key), locale).format(new Object[] {argument});
    }

    public String reason(FailureReason reason) {
        return bundle.getString("reason." + reason.name());
    }

    /**
     * The line under a tile's picture.
     *
     * @param ageSeconds age of the last frame, or -1 if there was none
     */
    public String statusLine(TileState state, FailureReason reason, long ageSeconds, boolean paused, boolean alarm) {
        String marks = ((paused ? "  " + get("tile.paused") : "") + (alarm ? "  ⚠ " + get("tile.alarm") : ""));
        return switch (state) {
            case IDLE -> get("tile.idle");
            case CONNECTING -> get("tile.connecting") + marks;
            case LIVE -> marks.trim();
            case STILL -> get("tile.still_1", ageSeconds) + marks;
            case STALE -> (ageSeconds < 0 ? get("tile.stale.noPicture") : get("tile.stale.age_1", ageSeconds))
                    + " · " + (reason == null ? "" : reason(reason) + " · ") + get("tile.stale.reconnecting") + marks;
        };
    }
}
