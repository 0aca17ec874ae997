package cn.tongguan.platform.support;

import cn.tongguan.platform.lifeline.SnapshotGrabber;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * A real JPEG producer for tests without the camera simulator: encodes a small picture with ImageIO, or refuses
 * like an unreachable camera. Remembers which streams were asked for.
 */
public final class TinyJpegGrabber implements SnapshotGrabber {
    private final boolean works;
    public final List<String> asked = new CopyOnWriteArrayList<>();

    private TinyJpegGrabber(boolean works) {
        this.works = works;
    }

    public static TinyJpegGrabber working() {
        return new TinyJpegGrabber(true);
    }

    public static TinyJpegGrabber unreachable() {
        return new TinyJpegGrabber(false);
    }

    @Override
    public byte[] grab(String streamUrl, Duration timeout) throws IOException {
        asked.add(streamUrl);
        if (!works) {
            throw new IOException("无法连接摄像头视频流");
        }
        BufferedImage img = new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, 32, 18);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
