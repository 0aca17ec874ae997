package cn.tongguan.video.internal;

import cn.tongguan.video.FailureReason;
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
}
