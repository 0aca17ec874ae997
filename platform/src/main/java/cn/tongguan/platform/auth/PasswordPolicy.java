package cn.tongguan.platform.auth;

import cn.tongguan.platform.http.Call;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be (等保 2.0 身份鉴别: 口令复杂度): long enough, of enough character kinds, not the
 * user name, not on the list of the most used passwords ({@code common-passwords.txt}). A refusal is a 400
 * {@code invalid_field} on {@code password} with the reason.
 */
public final class PasswordPolicy {
    private final int minLength;
    private final int minClasses;
    private final Set<String> common;

    public PasswordPolicy(int minLength, int minClasses) {
        this.minLength = minLength;
        this.minClasses = minClasses;
        this.common = load();
    }

    public static PasswordPolicy of(SecurityPolicy p) {
        return new PasswordPolicy(p.passwordMinLength(), p.passwordMinClasses());
    }

    /** Throws 400 {@code invalid_field} (password, reason) when {@code password} is not acceptable for {@code username}. */
    public void check(String username, String password) {
        if (password.codePointCount(0, password.length()) < minLength) {
            throw Call.invalid("password", "too_short");
        }
        if (classes(password) < minClasses) {
            throw Call.invalid("password", "too_simple");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username.toLowerCase(Locale.ROOT);
        if (lower.contains(name) || new StringBuilder(lower).reverse().toString().contains(name)) {
            throw Call.invalid("password", "contains_username");
        }
        if (common.contains(lower)) {
            throw Call.invalid("password", "too_common");
        }
    }

    private static int classes(String s) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int cp : s.codePoints().toArray()) {
            if (Character.isLowerCase(cp)) {
                lower = true;
            } else if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
