package cn.tongguan.console.sync;

import cn.tongguan.api.ApiError;
import java.io.IOException;
import java.util.Map;

/** The platform answered, but not with success; {@link #error()} is its {@code {code, message, details}}. */
public final class PlatformException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient ApiError error;

    public PlatformException(int status, String message) {
        this(status, new ApiError("http_" + status, message, Map.of()));
    }

    public PlatformException(int status, ApiError error) {
        super("HTTP " + status + " " + error.code() + ": " + error.message());
        this.status = status;
        this.error = error;
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
