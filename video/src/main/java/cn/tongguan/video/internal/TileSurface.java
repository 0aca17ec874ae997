package cn.tongguan.video.internal;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The picture of one stream. Decoder threads copy frames into a staging array ({@link #accept}); once
 * per pulse the FX thread copies the newest into a {@link PixelBuffer} ({@link #pushIfDirty}), so a
 * wall costs one image update per tile per pulse however fast the streams run. Frames are tagged with
 * the stream they belong to, so a late frame of a closed stream never lands in a reused surface.
 */
public final class TileSurface {
    private final Object lock = new Object();
    private int[] staging = new int[0];
    private int width;
    private int height;
    private long token = -1;
    private long frames;
    private boolean dirty;
    private long lastFrameNanos;
    private int displayWidth;
    private int displayHeight;

    // FX thread only
    private PixelBuffer<IntBuffer> pixels;
    private WritableImage image;

    /** Starts taking frames of another stream; earlier frames no longer count. */
    public void bind(long newToken) {
        synchronized (lock) {
            token = newToken;
            displayWidth = 0;
            displayHeight = 0;
            frames = 0;
            dirty = false;
        }
    }

    /** Called on a decoder thread: copies the frame, marks the surface dirty. */
    public void accept(long frameToken, int w, int h, ByteBuffer bgra, int stride) {
        synchronized (lock) {
            if (frameToken != token) {
                return;
            }
            if (w != width || h != height) {
                staging = new int[w * h];
                width = w;
                height = h;
            }
            IntBuffer src = bgra.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            if (stride == w * 4) {
                src.position(0);
                src.get(staging, 0, w * h);
            } else {
                for (int y = 0; y < h; y++) {
                    src.position(y * stride / 4);
                    src.get(staging, y * w, w);
                }
            }
            if ((staging[0] >>> 24) != 0xff) {
                // RV32 from libvlc leaves the padding byte at zero: make the picture opaque
                for (int i = 0, n = w * h; i < n; i++) {
                    staging[i] |= 0xff000000;
                }
            }
            frames++;
            dirty = true;
            lastFrameNanos = System.nanoTime();
        }
    }

    /** The picture's real size, when the frames come scaled into buffers of another size. */
    public void displaySize(long frameToken, int w, int h) {
        synchronized (lock) {
            if (frameToken == token && w > 0 && h > 0) {
                displayWidth = w;
                displayHeight = h;
            }
        }
    }

    /** Width over height of the picture as it should be seen. */
    public double aspect() {
        synchronized (lock) {
            if (displayWidth > 0) {
                return (double) displayWidth / displayHeight;
            }
            return height == 0 ? 16.0 / 9 : (double) width / height;
        }
    }

    public long frames() {
        synchronized (lock) {
            return frames;
        }
    }

    public long lastFrameNanos() {
        synchronized (lock) {
            return lastFrameNanos;
        }
    }

    /** FX thread: the image to show, or null before the first frame. */
    public WritableImage image() {
        return image;
    }

    /** FX thread: copies the newest frame into the image if one arrived since the last pulse. */
    public boolean pushIfDirty() {
        synchronized (lock) {
            if (!dirty) {
                return false;
            }
            dirty = false;
            if (pixels == null || pixels.getWidth() != width || pixels.getHeight() != height) {
                IntBuffer buffer = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
                pixels = new PixelBuffer<>(width, height, buffer, PixelFormat.getIntArgbPreInstance());
                image = new WritableImage(pixels);
            }
            int[] frame = staging;
            pixels.updateBuffer(pb -> {
                IntBuffer target = pb.getBuffer();
                target.clear();
                target.put(frame, 0, width * height);
                target.flip();
                return null;
            });
            return true;
        }
    }

    /** A copy of the newest frame for a snapshot, or null if none. Any thread. */
    public BufferedImage copy() {
        synchronized (lock) {
            if (width == 0 || staging.length == 0) {
                return null;
            }
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            out.setRGB(0, 0, width, height, staging, 0, width);
            if (displayWidth > 0 && (displayWidth != width || displayHeight != height)) {
                BufferedImage real = new BufferedImage(displayWidth, displayHeight, BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = real.createGraphics();
                g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(out, 0, 0, displayWidth, displayHeight, null);
                g.dispose();
                return real;
            }
            return out;
        }
    }
}
