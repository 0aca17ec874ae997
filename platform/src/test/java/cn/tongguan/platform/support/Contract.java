package cn.tongguan.platform.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every exchange of the platform's tests against {@code openapi.yaml} with a maintained validator
 * (Atlassian's swagger-request-validator; ADR 0018), so a field, a content type or a status that drifts from the
 * document fails the test that saw it.
 *
 * <p>The rule for requests: a request the document refuses (bad enum, missing token, malformed body) is fine
 * only if the platform refuses it too, with a 4xx; the platform accepting what the document forbids is a
 * violation. Every response of a documented operation, refusals included, must match the document.
 *
 * <p>{@code -Dtongguan.contract=report} logs violations instead of failing (to count them over a whole run).
 * Thread-safe: the validator is immutable once built.
 */
public final class Contract {
    private static final Logger LOG = LoggerFactory.getLogger(Contract.class);
    private static final boolean REPORT_ONLY = "report".equals(System.getProperty("tongguan.contract"));
    /** Keys that say the document has no such route: then only 404/405 is a true answer. */
    private static final Set<String> UNDOCUMENTED = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    /** Built on first use (it takes a second), so that reading the document does not need it. */
    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
                .createForInlineApiSpecification(document())
                .withLevelResolver(LevelResolver.create()
                        // the platform ignores query parameters it does not know, as HTTP APIs do; a misspelt
                        // one shows in the test's own assertions (the filter it meant does not apply)
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    private Contract() {
    }

    /** The document's text, from module api's resources on the class path. */
    public static String document() {
        try (InputStream in = Contract.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is not on the class path (module api)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates one exchange; {@code responseBody} is the text of a JSON (or NDJSON) answer, or {@code null}
     * for binary and streamed answers, whose status and headers are still checked.
     */
    public static void check(HttpRequest req, String requestBody, int status, HttpHeaders headers, String responseBody) {
        URI uri = req.uri();
        String where = req.method() + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        ValidationReport request = Holder.VALIDATOR.validateRequest(request(req, requestBody));
        boolean undocumented = request.getMessages().stream().anyMatch(m -> UNDOCUMENTED.contains(m.getKey()));
        boolean refused = status >= 400 && status < 500;
        if (undocumented) {
            if (status != 404 && status != 405) {
                violation(where, status, "a route the document does not have answered " + status, request);
            }
            return;
        }
        if (request.hasErrors() && !refused) {
            violation(where, status, "the platform accepted a request the document refuses", request);
        }
        Request.Method method = Request.Method.valueOf(req.method().toUpperCase(Locale.ROOT));
        ValidationReport response = Holder.VALIDATOR.validateResponse(uri.getPath(), method, response(status, headers, responseBody));
        if (responseBody == null) {
            // a body the helper did not read (binary, streamed) is not missing: check status and headers only
            response = ValidationReport.from(response.getMessages().stream()
                    .filter(m -> !m.getKey().equals("validation.response.body.missing")).toList());
        }
        if (response.hasErrors()) {
            violation(where, status, "the answer does not match the document", response);
        }
    }

    private static Request request(HttpRequest req, String body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(req.method(), req.uri().getPath());
        String query = req.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                b.withQueryParam(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        req.headers().map().forEach(b::withHeader);
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        return b.build();
    }

    private static SimpleResponse response(int status, HttpHeaders headers, String body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        headers.map().forEach((name, values) -> b.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        return b.build();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void violation(String where, int status, String what, ValidationReport report) {
        List<String> lines = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.toList());
        String text = "OpenAPI contract: " + where + " → " + status + ": " + what + "\n  " + String.join("\n  ", lines);
        if (REPORT_ONLY) {
            for (String line : lines) {
                LOG.warn("CONTRACT-VIOLATION {} → {} | {}", where.replaceAll("\\?.*", ""), status, line);
            }
            return;
        }
        throw new AssertionError(text);
    }

    /** The bytes a request will send, read from its publisher (the JDK's publishers can be read again). */
    public static String body(HttpRequest req) {
        if (req.bodyPublisher().isEmpty() || req.bodyPublisher().get().contentLength() == 0) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        req.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.join();
        return out.toString(StandardCharsets.UTF_8);
    }
}
