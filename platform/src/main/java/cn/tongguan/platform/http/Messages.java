package cn.tongguan.platform.http;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Error sentences in the caller's language: zh-CN by default, English when Accept-Language prefers it. */
public final class Messages {
    private static final String BUNDLE = "cn.tongguan.platform.http.messages";
    private final ResourceBundle zh = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
    private final ResourceBundle en = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);

    /** Picks English only when the first language range of {@code Accept-Language} is English. */
    public static boolean prefersEnglish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            var ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (var r : ranges) {
                String tag = r.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("en")) {
                    return true;
                }
                if (tag.startsWith("zh")) {
                    return false;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    public String message(String code, boolean english, Object... args) {
        ResourceBundle b = english ? en : zh;
        String pattern;
        try {
            pattern = b.getString(code);
        } catch (MissingResourceException e) {
            pattern = b.getString("unknown_error");
        }
        return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, english ? Locale.ENGLISH : Locale.CHINA).format(args);
    }

    /** Keys, for the test that both languages know every code. */
    public java.util.Set<String> keys(boolean english) {
        return (english ? en : zh).keySet();
    }
}
