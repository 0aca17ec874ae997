package cn.tongguan.platform.cases;

import cn.tongguan.platform.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Whether an upload is a whole JPEG or PNG, proved by decoding it (ADR 0086): a file that only starts like an
 * image (text after a signature, a photo cut off in transit) is refused, and the type kept is the one the bytes
 * show, never the one the client declared. The pixel count is bounded before decoding, so a tiny file that
 * claims 100,000 × 100,000 pixels cannot exhaust memory.
 */
final class ImageCheck {
    static final Set<String> TYPES = Set.of("image/jpeg", "image/png");
    /** 40 megapixels: more than any phone or camera snapshot the platform keeps. */
    static final long MAX_PIXELS = 40_000_000L;

    private ImageCheck() {
    }

    /** The MIME type of a complete, decodable JPEG or PNG; otherwise 415 (not an image) or 400 (a broken one). */
    static String typeOf(Path file) throws IOException {
        String type = sniff(file);
        if (type == null) {
            throw new ApiException(415, "unsupported_media_type", Map.of("allowed", TYPES), "?");
        }
        if (!endsAsItShould(file, type)) {
            throw broken();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            if (in == null || !readers.hasNext()) {
                throw broken();
            }
            ImageReader reader = readers.next();
            AtomicBoolean warned = new AtomicBoolean();
            reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                @Override
                public void warningOccurred(ImageReader source, String warning) {
                    warned.set(true); // "Premature end of JPEG file" and the like: the picture is not whole
                }
            });
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw broken();
                }
                reader.read(0);
            } catch (IOException | RuntimeException e) {
                if (e instanceof ApiException a) {
                    throw a;
                }
                throw broken();
            } finally {
                reader.dispose();
            }
            if (warned.get()) {
                throw broken();
            }
        }
        return type;
    }

    private static ApiException broken() {
        return new ApiException(400, "bad_image", Map.of("allowed", TYPES));
    }

    private static final byte[] JPEG_END = {(byte) 0xFF, (byte) 0xD9};
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    /**
     * A JPEG ends with its EOI marker, a PNG with its IEND chunk: the JDK's decoders only warn about (JPEG) or do
     * not even notice (PNG) a file cut off after its last complete block of pixels.
     */
    private static boolean endsAsItShould(Path file, String type) throws IOException {
        byte[] end = type.equals("image/png") ? PNG_END : JPEG_END;
        long size = Files.size(file);
        if (size < end.length + 8) {
            return false;
        }
        try (var ch = Files.newByteChannel(file)) {
            ch.position(size - end.length);
            var buf = java.nio.ByteBuffer.allocate(end.length);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read the last bytes
            }
            return java.util.Arrays.equals(buf.array(), end);
        }
    }

    /** The image type from the file's first bytes (magic numbers), or {@code null} if it is none we keep. */
    static String sniff(Path file) throws IOException {
        byte[] h;
        try (InputStream in = Files.newInputStream(file)) {
            h = in.readNBytes(8);
        }
        if (h.length >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (h.length >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G'
                && h[4] == '\r' && h[5] == '\n' && h[6] == 0x1A && h[7] == '\n') {
            return "image/png";
        }
        return null;
    }
}
