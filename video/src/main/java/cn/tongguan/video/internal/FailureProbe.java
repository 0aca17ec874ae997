package cn.tongguan.video.internal;

import cn.tongguan.video.FailureReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Finds why a stream failed, in the operator's terms. Engines say little (libvlc only "error"), so the
 * probe asks the server itself: nothing listening is "refused", silence is "timed out", an RTSP or HTTP
 * 4xx/5xx answer is "not found", and a server that does offer the stream leaves the engine's own fault
 * (decoder error, or no frames). Blocking: run it on the background executor.
 */
public final class FailureProbe {
    private final Duration timeout;

    public FailureProbe(Duration timeout) {
        this.timeout = timeout;
    }

    public FailureReason classify(URI uri, StreamListener.Fault fault) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        int port = uri.getPort() > 0 ? uri.getPort() : defaultPort(scheme);
        if (uri.getHost() == null || port <= 0) {
            return engineFault(fault);
        }
        int millis = (int) timeout.toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), millis);
            socket.setSoTimeout(millis);
            String request = switch (scheme) {
                case "rtsp" -> "DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n";
                case "http" -> "HEAD " + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                        + " HTTP/1.0\r\nHost: " + uri.getHost() + "\r\n\r\n";
                default -> null;
            };
            if (request == null) {
                return engineFault(fault);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int status = statusCode(socket.getInputStream());
            return status >= 400 ? FailureReason.NOT_FOUND : engineFault(fault);
        } catch (ConnectException e) {
            return FailureReason.REFUSED;
        } catch (SocketTimeoutException e) {
            return FailureReason.TIMED_OUT;
        } catch (IOException e) {
            return engineFault(fault);
        }
    }

    private static FailureReason engineFault(StreamListener.Fault fault) {
        return fault == StreamListener.Fault.DECODE_FAILED ? FailureReason.DECODER_ERROR : FailureReason.NO_FRAMES;
    }

    /** The number in "RTSP/1.0 404 Not Found" or "HTTP/1.0 200 OK", or -1. */
    private static int statusCode(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && line.length() < 200; c = in.read()) {
            line.append((char) c);
        }
        String[] words = line.toString().trim().split(" ");
        try {
            return words.length >= 2 ? Integer.parseInt(words[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "rtsp" -> 554;
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }
}
