package cn.tongguan.console.cache;

/** The local cache failed (disk full, corrupt file): unchecked, because no caller can do more than report it. */
public final class CacheException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
