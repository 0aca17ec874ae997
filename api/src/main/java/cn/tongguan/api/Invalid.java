package cn.tongguan.api;

/**
 * A wire value that breaks the contract (missing, wrong range, unknown enumerated value). Thrown by the
 * records' constructors so that a bad request can never become a half-built object; the platform turns it
 * into a 400 {@code {code: "invalid_field", details: {field, reason}}}.
 */
public final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String reason;

    public Invalid(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** Machine code: {@code required}, {@code too_long}, {@code out_of_range}, {@code unknown_value}. */
    public String reason() {
        return reason;
    }

    static <T> T required(String field, T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new Invalid(field, "required");
        }
        return value;
    }

    static String maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new Invalid(field, "too_long");
        }
        return value;
    }

    static String oneOf(String field, String value, java.util.Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new Invalid(field, "unknown_value");
        }
        return value;
    }
}
