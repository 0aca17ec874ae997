package cn.tongguan.console.sync;

import cn.tongguan.api.ApiError;
import java.io.IOException;
import java.util.Map;

/** The platform answered, but not with success; {@link #error()} is its {@code {code, message, details}}. */
public final class PlatformException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient ApiError error;
    private final long retryAfterSeconds;

    public PlatformException(int status, String message) {
        this(status, new ApiError("http_" + status, message, Map.of()));
    }

    public PlatformException(int status, ApiError error) {
        this(status, error, -1);
    }

    /** {@code retryAfterSeconds}: the answer's {@code Retry-After} (-1 without one), e.g. on 429 too_many_attempts. */
    public PlatformException(int status, ApiError error, long retryAfterSeconds) {
        super("HTTP " + status + " " + error.code() + ": " + error.message());
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }

    public String code() {
        return error.code();
    }
}
