package cn.tongguan.console.sync;

import com.fasterxml.jackson.core.JacksonException;
import java.io.InterruptedIOException;

/**
 * What went wrong talking to the platform, in the words the operator reads: a proxy's HTML page, a slow answer and
 * an expired session are not "无法连接平台". The words are {@code i18n.FaultText}'s ({@code fault.*} keys).
 */
public enum Fault {
    /** Nothing answered (connection refused, no route, unknown host). */
    UNREACHABLE,
    /** It answered too slowly or stalled mid-answer. */
    TIMEOUT,
    /** It answered, but not with what the console asked for (HTML, truncated or wrong-typed JSON, too large). */
    UNRECOGNISED,
    /** It answered 5xx. */
    SERVER,
    /** The session ended: the operator must sign in again. */
    SESSION_ENDED,
    /** The platform's TLS certificate is not trusted (neither a known authority nor the city's --trust-store). */
    UNTRUSTED;

    public static Fault of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PlatformException p) {
                return p.status() == 401 ? SESSION_ENDED : p.status() >= 500 ? SERVER : UNRECOGNISED;
            }
            if (c instanceof javax.net.ssl.SSLHandshakeException || c instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return UNTRUSTED;
            }
            if (c instanceof UnrecognisedAnswer || c instanceof JacksonException) {
                return UNRECOGNISED;
            }
            // SocketTimeoutException and OkHttp's call timeout are both InterruptedIOExceptions.
            if (c instanceof InterruptedIOException) {
                return TIMEOUT;
            }
        }
        return UNREACHABLE;
    }
}
