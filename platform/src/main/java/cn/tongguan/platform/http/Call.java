package cn.tongguan.platform.http;

import cn.tongguan.api.Invalid;
import cn.tongguan.platform.auth.Principal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
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
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiException.badRequest("bad_json", "empty body");
        }
        return parse(mapper, text, type);
    }

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
            throw ApiException.badRequest("bad_json", e.getOriginalMessage());
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw invalid(field.isEmpty() ? "$" : field, "wrong_type");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("bad_json", e.getOriginalMessage());
        }
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

    public String query(String name) {
        String v = ctx.queryParam(name);
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
