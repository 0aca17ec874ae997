package cn.tongguan.console.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines from a stream with a bound on each: a line longer than {@code max} bytes is thrown away up to
 * its end and counted ({@link #skippedLines()}), so a 200 MB "line" costs a counter, not the heap.
 */
final class LineReader {
    private final InputStream in;
    private final int max;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int end;
    private long skipped;

    LineReader(InputStream in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line without its end, or null at the end of the stream. */
    String next() throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(1024);
        boolean tooLong = false;
        while (true) {
            if (pos == end) {
                end = in.read(buffer);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (tooLong) {
                        skipped++;
                        return null;
                    }
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
            }
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            if (!tooLong) {
                line.write(buffer, start, pos - start);
                if (line.size() > max) {
                    tooLong = true;
                    line.reset();
                }
            }
            if (pos < end) {
                pos++; // the '\n'
                if (tooLong) {
                    skipped++;
                    tooLong = false;
                    continue;
                }
                int n = line.size();
                String text = line.toString(StandardCharsets.UTF_8);
                return n > 0 && text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
        }
    }

    long skippedLines() {
        return skipped;
    }
}
