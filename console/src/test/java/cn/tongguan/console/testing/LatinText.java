package cn.tongguan.console.testing;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text shown in the Chinese UI may contain Latin letters: only as codes (case numbers such as
 * XX31 or 20261120000005, sensor ids such as WL01, grid codes), units (cm, km), key names in shortcut hints
 * (Ctrl+P, F1, a single action letter), coordinates (113.9°E), addresses (http://…) and a few product
 * names. Anything else with Latin letters is English that leaked into the Chinese UI.
 */
public final class LatinText {
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|rtsp)://\\S+");
    private static final Pattern COORDINATE = Pattern.compile("\\d+(?:\\.\\d+)?°\\s?[EWNS]\\b");
    /** A run of Latin letters, digits and the joiners codes use (XX31, D01, 0601-03, A3_2). */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]*");
    private static final Pattern HAS_LETTER = Pattern.compile("[A-Za-z]");
    private static final Set<String> ALLOWED = Set.of(
            // units
            "cm", "mm", "km", "m", "kg", "t", "h", "min", "s", "ms", "kb", "mb", "gb",
            // keys named in shortcut hints
            "ctrl", "shift", "alt", "esc", "enter", "tab", "home", "end", "pageup", "pagedown", "del", "space",
            "backspace", "up", "down",
            // product and format names shown as such in Chinese UIs
            "kpi", "gis", "pdf", "xlsx", "excel", "rtsp", "app", "id", "sos");

    private LatinText() {
    }

    /** {@code true} when every Latin word of {@code text} is a code, unit, key, coordinate, address or product name. */
    public static boolean allowed(String text) {
        return allowed(text, Set.of());
    }

    /**
     * As {@link #allowed(String)}, with more words that are codes in the caller's context (the platform's
     * account names: "operator（受理员）" in a case's history names the account, as typed at sign-in).
     */
    public static boolean allowed(String text, Set<String> codes) {
        if (text == null || !HAS_LETTER.matcher(text).find()) {
            return true;
        }
        String rest = COORDINATE.matcher(URL.matcher(text).replaceAll(" ")).replaceAll(" ");
        Matcher words = WORD.matcher(rest);
        while (words.find()) {
            if (!codes.contains(words.group()) && !allowedWord(words.group())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowedWord(String word) {
        boolean letters = HAS_LETTER.matcher(word).find();
        boolean digits = word.chars().anyMatch(Character::isDigit);
        // A code mixes letters and digits (XX31, WL01, F1); a lone letter is a shortcut key (K, Ctrl+P).
        return !letters || digits || word.length() == 1 || ALLOWED.contains(word.toLowerCase(java.util.Locale.ROOT));
    }
}
