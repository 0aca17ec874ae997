package cn.tongguan.console.sync;

import java.io.IOException;

/** The platform answered, but not with success. */
public final class PlatformException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public PlatformException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
