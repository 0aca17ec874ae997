package cn.tongguan.platform.http;

import java.util.Map;

/**
 * A refusal the caller can act on: HTTP status, a stable code (also the message key in
 * {@code messages*.properties}), message arguments and machine-readable details.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient Map<String, Object> details;
    private final transient Object[] args;

    public ApiException(int status, String code, Map<String, Object> details, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : details;
        this.args = args;
    }

    public static ApiException badRequest(String code, Object... args) {
        return new ApiException(400, code, Map.of(), args);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not_found", Map.of("what", what, "id", String.valueOf(id)), what, id);
    }

    public static ApiException unprocessable(String code, Map<String, Object> details, Object... args) {
        return new ApiException(422, code, details, args);
    }

    public static ApiException forbidden(String code) {
        return new ApiException(403, code, Map.of());
    }

    public static ApiException conflict(String code, Map<String, Object> details, Object... args) {
        return new ApiException(409, code, details, args);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Object[] args() {
        return args;
    }
}
