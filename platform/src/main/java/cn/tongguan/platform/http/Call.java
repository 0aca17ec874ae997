package cn.tongguan.platform.http;

import cn.tongguan.api.Invalid;
import cn.tongguan.platform.auth.Principal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One request as a route handler sees it: the Javalin context, the caller, typed access to inputs. */
public final class Call {
    private final Context ctx;
    private final Principal principal;
    private final ObjectMapper mapper;
    private int status = 200;

    Call(Context ctx, Principal principal, ObjectMapper mapper) {
        this.ctx = ctx;
        this.principal = principal;
        this.mapper = mapper;
    }

    public Context ctx() {
        return ctx;
    }

    public Principal principal() {
        return principal;
    }

    public int status() {
        return status;
    }

    public Call status(int s) {
        this.status = s;
        return this;
    }

    /** The JSON body as {@code type}; any mistake in it is a 400 naming the field. */
    public <T> T body(Class<T> type) {
        String text = text(ctx);
        if (text.isBlank()) {
            throw ApiException.badRequest("bad_json", "empty body");
        }
        return parse(mapper, text, type);
    }

    /**
     * The request body as text. Only UTF-8 is spoken (RFC 8259 §8.1): another declared charset is a 415 (not the
     * JDK's UnsupportedCharsetException, which was a 500), and bytes that are no UTF-8 a 400.
     */
    public static String text(Context ctx) {
        String type = ctx.contentType();
        if (type != null && !type.isBlank() && !isJson(type)) {
            throw new ApiException(415, "unsupported_media_type", Map.of("allowed", "application/json"), type);
        }
        String charset = charset(type);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new ApiException(415, "unsupported_charset", Map.of("charset", charset, "allowed", "utf-8"), charset);
        }
        return utf8(ctx.bodyAsBytes());
    }

    /** Strict UTF-8: a malformed byte is refused instead of becoming U+FFFD in stored text. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("bad_encoding");
        }
    }

    private static boolean isJson(String contentType) {
        String base = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return base.equals("application/json") || base.endsWith("+json");
    }

    /** The {@code charset} parameter of a Content-Type, or {@code null}. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").trim();
            }
        }
        return null;
    }

    /**
     * Parses with the platform's request mapper. Messages never carry the parser's own text (it names library
     * features and classes): a field and a reason code, or the line and column where the JSON broke.
     */
    public static <T> T parse(ObjectMapper mapper, String text, Class<T> type) {
        try {
            T value = mapper.readValue(text, type);
            if (value == null) {
                throw ApiException.badRequest("bad_json", "null");
            }
            return value;
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof Invalid inv) {
                throw invalid(inv.field(), inv.reason());
            }
            throw invalid(path(e), "invalid");
        } catch (UnrecognizedPropertyException e) {
            throw invalid(path(e), "unknown_field");
        } catch (MismatchedInputException e) {
            throw invalid(path(e), "wrong_type");
        } catch (JsonMappingException e) {
            throw invalid(path(e), "invalid");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "?" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ApiException(400, "bad_json", Map.of("line", at == null ? 0 : at.getLineNr(),
                    "column", at == null ? 0 : at.getColumnNr()), where);
        }
    }

    private static String path(JsonMappingException e) {
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return field.isEmpty() ? "$" : field;
    }

    public static ApiException invalid(String field, String reason) {
        return new ApiException(400, "invalid_field", Map.of("field", field, "reason", reason), field, reason);
    }

    public long pathLong(String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", name), name);
        }
    }

    public String path(String name) {
        return ctx.pathParam(name);
    }

    /**
     * A query parameter, or {@code null}. Jetty decodes a percent-escape that is no UTF-8 ({@code %FF}) to U+FFFD;
     * such a value is refused (400) rather than searched for.
     */
    public String query(String name) {
        String v = ctx.queryParam(name);
        if (v != null && v.indexOf('\uFFFD') >= 0) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", name, "reason", "bad_encoding"), name);
        }
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * A query parameter the document declares as an enum: absent is {@code null}, anything outside
     * {@code allowed} a 400 naming the parameter and the values it takes (a typo must not widen a filter to all).
     */
    public String queryEnum(String name, Collection<String> allowed) {
        String v = query(name);
        if (v != null && !allowed.contains(v)) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", name, "allowed", new TreeSet<>(allowed)), name);
        }
        return v;
    }

    public Integer queryInt(String name, int min, int max) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", name), name);
        }
    }

    public Double queryDouble(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", name), name);
        }
    }

    public java.time.Instant queryInstant(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            return java.time.Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", name), name);
        }
    }
}
