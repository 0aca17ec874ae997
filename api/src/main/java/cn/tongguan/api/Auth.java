package cn.tongguan.api;

import java.time.Instant;

/** Login and the signed-in user. */
public final class Auth {
    private Auth() {
    }

    public record LoginRequest(String username, String password) {
        public LoginRequest {
            Invalid.required("username", username);
            Invalid.required("password", password);
            Invalid.maxLength("username", username, 64);
            Invalid.maxLength("password", password, 256);
        }
    }

    public record User(String username, String displayName, String role, String departmentCode) {
    }

    /**
     * A signed-in session: a short-lived access {@code token} and a {@code refreshToken} that buys a new pair at
     * {@code POST /auth/refresh} until {@code refreshExpiresAt} (each refresh token works once).
     */
    public record LoginResponse(String token, Instant expiresAt, User user, String refreshToken, Instant refreshExpiresAt) {
        public LoginResponse(String token, Instant expiresAt, User user) {
            this(token, expiresAt, user, null, null);
        }
    }

    /** {@code POST /auth/refresh}: the refresh token of the last pair. */
    public record RefreshRequest(String refreshToken) {
        public RefreshRequest {
            Invalid.required("refreshToken", refreshToken);
            Invalid.maxLength("refreshToken", refreshToken, 256);
        }
    }

    /** What a user name may be: 3–32 of {@code a-z 0-9 . _ -}, starting with a letter or digit. */
    public static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    /** An administrator creating an account; {@code departmentCode} is required for the department role. */
    public record NewUser(String username, String displayName, String role, String departmentCode, String password) {
        public NewUser {
            Invalid.required("username", username);
            Invalid.maxLength("username", username, 64);
            // a name ends up in paths, logs and screens: lower-case letters, digits and . _ - only (ADR 0086)
            if (!USERNAME.matcher(username).matches()) {
                throw new Invalid("username", "pattern");
            }
            if (displayName != null && !displayName.codePoints().allMatch(c -> c >= 0x20 && c != 0x7F && c != '<' && c != '>')) {
                throw new Invalid("displayName", "forbidden_characters");
            }
            Invalid.required("role", role);
            Invalid.oneOf("role", role, java.util.Set.copyOf(Codes.ROLES));
            Invalid.required("password", password);
            if (password.length() < 8) {
                throw new Invalid("password", "too_short");
            }
            if ("department".equals(role)) {
                Invalid.required("departmentCode", departmentCode);
            }
            displayName = displayName == null || displayName.isBlank() ? username : displayName;
        }
    }
}
