package cn.tongguan.platform;

/** Where the platform listens; later issues add storage and data settings. */
public record PlatformConfig(String host, int port) {
    public PlatformConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
