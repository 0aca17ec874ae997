package cn.tongguan.platform.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} refuses to send: a byte that is no UTF-8 in a
 * request line, headers of any size, any method, a body that does not match its headers. One request per
 * connection ({@code Connection: close}); the answer is read to its end.
 */
public final class RawHttp {
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** An answer: status, headers (lower-case names; the last of repeated ones), body as UTF-8 text. */
    /** The status of an exchange whose answer was lost: the server closed (reset) the connection mid-request. */
    public static final int NO_ANSWER = -1;

    public record Answer(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** A request from its parts; {@code head} is the request line and headers without the final blank line. */
    public Answer send(byte[] head, byte[] body) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(head);
                out.write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // the server refused the request before it was all sent (431, 414) and closed: its answer may
                // still be readable
            }
            try {
                return read(s.getInputStream());
            } catch (IOException e) {
                return new Answer(NO_ANSWER, Map.of(), String.valueOf(e.getMessage()));
            }
        }
    }

    /** {@code METHOD target HTTP/1.1} with the given header lines (Host added). */
    public Answer send(String method, byte[] target, Map<String, String> headers, byte[] body) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        head.writeBytes(target);
        head.writeBytes((" HTTP/1.1\r\nHost: 127.0.0.1:" + port).getBytes(StandardCharsets.ISO_8859_1));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            head.writeBytes(("\r\n" + h.getKey() + ": " + h.getValue()).getBytes(StandardCharsets.UTF_8));
        }
        if (body != null && !headers.containsKey("Content-Length") && !headers.containsKey("Transfer-Encoding")) {
            head.writeBytes(("\r\nContent-Length: " + body.length).getBytes(StandardCharsets.ISO_8859_1));
        }
        return send(head.toByteArray(), body);
    }

    public Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        return send(method, target.getBytes(StandardCharsets.UTF_8), headers, body);
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer head: " + text.length() + " bytes");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int eol = i;
            while (eol + 1 < b.length && !(b[eol] == '\r' && b[eol + 1] == '\n')) {
                eol++;
            }
            String sizeLine = new String(b, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            out.write(b, eol + 2, Math.min(size, b.length - eol - 2));
            i = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
