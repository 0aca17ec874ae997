package cn.tongguan.video;

import java.net.URI;
import java.util.Objects;

/**
 * One camera as the wall sees it: an id, a display name and two stream addresses. The sub stream is
 * played in small tiles, the main stream when a tile is enlarged; a camera with one stream gives the
 * same address twice.
 */
public record Camera(String id, String name, URI main, URI sub) {
    public Camera {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(main, "main");
        name = name == null || name.isBlank() ? id : name;
        sub = sub == null ? main : sub;
    }

    /** The address for a tile of this size. */
    public URI stream(StreamVariant variant) {
        return variant == StreamVariant.MAIN ? main : sub;
    }
}
