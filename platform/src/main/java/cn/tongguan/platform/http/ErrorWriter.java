package cn.tongguan.platform.http;

import cn.tongguan.api.ApiError;
import cn.tongguan.platform.storage.StorageException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into {@code {code, message, details}} in the caller's language; 5xx only for our faults. */
public final class ErrorWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorWriter.class);
    private final Messages messages;

    public ErrorWriter(Messages messages) {
        this.messages = messages;
    }

    public ApiError error(Context ctx, ApiException e) {
        return error(ctx.header("Accept-Language"), e);
    }

    public ApiError error(String acceptLanguage, ApiException e) {
        boolean en = Messages.prefersEnglish(acceptLanguage);
        return new ApiError(e.code(), messages.message(e.code(), en, e.args()), e.details());
    }

    /** The stable code of a refusal known only by its status (from Javalin or Jetty). */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "unknown_error";
        };
    }

    public void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(error(ctx, e)));
        app.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            ctx.status(status).json(error(ctx, new ApiException(status, codeFor(status), Map.of(), "", "")));
        });
        // Jetty's refusals of what Javalin asked it to parse (a query with a byte that is no UTF-8, a form that
        // is not one): the client's mistake, a 4xx, never the 500 of an unhandled exception.
        app.exception(BadMessageException.class, (e, ctx) -> {
            int status = e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400;
            ctx.status(status).json(error(ctx, new ApiException(status, codeFor(status), Map.of(), "", "")));
        });
        app.exception(StorageException.class, (e, ctx) -> {
            LOG.error("Storage failure on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(503).json(error(ctx, new ApiException(503, "unavailable", Map.of())));
        });
        app.exception(Exception.class, (e, ctx) -> {
            if (clientWentAway(e)) {
                // Not our fault and nothing to answer (the socket is gone): one line, no stack trace, no 500.
                LOG.info("Client went away during {} {} ({})", ctx.method(), ctx.path(), rootCause(e));
                return;
            }
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(500).json(error(ctx, new ApiException(500, "internal_error", Map.of())));
        });
    }

    /**
     * Whether a failure is only the caller closing its connection mid-response (a download cancelled, a console
     * closed): Jetty reports that as {@link EofException}, or the JDK as a closed channel, anywhere in the cause
     * chain (handlers that stream from the database wrap it in {@link java.io.UncheckedIOException}).
     */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
