package cn.tongguan.platform.storage;

import java.sql.SQLException;

/** A database failure that is not the caller's fault: becomes a 500/503, never a 4xx. */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
