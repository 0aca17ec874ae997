package cn.tongguan.platform.http;

import cn.tongguan.api.ApiError;
import cn.tongguan.platform.auth.AuthService;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers every route with the roles it admits, so that authentication, the role check and idempotency are
 * applied the same way everywhere, and so that tests can walk the route table (role matrix, OpenAPI).
 */
public final class Router {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    /** One route: method, Javalin path, admitted roles ({@code null} = no login needed). */
    public record Route(String method, String path, Set<Role> roles) {
    }

    /**
     * Told of every handled request once it is answered or refused (the audit log's one hook on writes, refusals and
     * reads of personal data); {@code principal} is null when the caller was not identified.
     */
    @FunctionalInterface
    public interface Observer {
        void handled(Context ctx, Route route, Principal principal, int status);
    }

    @FunctionalInterface
    public interface Handler {
        /** Returns the JSON body, or {@code null} when the handler wrote the response itself. */
        Object handle(Call call) throws Exception;
    }

    private final Javalin app;
    private final AuthService auth;
    private final IdempotencyStore idempotency;
    private final ObjectMapper mapper;
    private final ErrorWriter errors;
    private final List<Route> routes = new ArrayList<>();
    private volatile Observer observer = (ctx, route, principal, status) -> { };
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ObjectMapper canonical = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public Router(Javalin app, AuthService auth, IdempotencyStore idempotency, ObjectMapper mapper, ErrorWriter errors) {
        this.app = app;
        this.auth = auth;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.errors = errors;
        // Javalin (prefer405over404) refuses a known path with an unknown method; the answer names what is allowed.
        app.exception(io.javalin.http.MethodNotAllowedResponse.class, (e, ctx) -> {
            Set<String> allowed = allowed(ctx.path());
            ctx.header("Allow", String.join(", ", allowed));
            ctx.status(405).json(errors.error(ctx, new ApiException(405, "method_not_allowed", Map.of("allowed", allowed))));
        });
    }

    /** The methods declared for a concrete path (for {@code Allow}); path parameters match any one segment. */
    public Set<String> allowed(String path) {
        Set<String> out = new java.util.TreeSet<>();
        for (Route r : routes) {
            if (path.matches(r.path().replaceAll("\\{[^/]+}", "[^/]+").replace(".", "\\."))) {
                out.add(r.method());
            }
        }
        return out;
    }

    /** Sets the one observer of handled requests (the audit). */
    public void observe(Observer o) {
        this.observer = o;
    }

    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    public void get(String path, Set<Role> roles, Handler h) {
        add(HandlerType.GET, path, roles, h);
    }

    public void post(String path, Set<Role> roles, Handler h) {
        add(HandlerType.POST, path, roles, h);
    }

    public void put(String path, Set<Role> roles, Handler h) {
        add(HandlerType.PUT, path, roles, h);
    }

    public void delete(String path, Set<Role> roles, Handler h) {
        add(HandlerType.DELETE, path, roles, h);
    }

    /** Documents a route that Javalin serves through another mechanism (SSE) but that is protected the same way. */
    public void declare(String method, String path, Set<Role> roles) {
        routes.add(new Route(method, path, roles));
    }

    private void add(HandlerType type, String path, Set<Role> roles, Handler h) {
        Route route = new Route(type.name(), path, roles);
        routes.add(route);
        app.addHttpHandler(type, path, ctx -> {
            Principal principal = null;
            int status = 500;
            try {
                if (roles != null) {
                    principal = auth.authenticate(token(ctx));
                    if (!roles.contains(principal.role())) {
                        throw new ApiException(403, "forbidden", Map.of("role", principal.role().code()));
                    }
                }
                Call call = new Call(ctx, principal, mapper);
                String key = ctx.header(IDEMPOTENCY_HEADER);
                if (type == HandlerType.POST && key != null && principal != null) {
                    idempotent(ctx, call, h, principal.username(), key);
                } else {
                    Object body = h.handle(call);
                    if (body != null) {
                        ctx.status(call.status()).json(body);
                    }
                }
                status = ctx.statusCode();
            } catch (ApiException e) {
                status = e.status();
                throw e;
            } finally {
                observer.handled(ctx, route, principal, status);
            }
        });
    }

    /** The caller behind the bearer token, if its role is admitted; 401 and 403 otherwise. */
    public Principal authorise(Context ctx, Set<Role> roles) {
        Principal p = auth.authenticate(token(ctx));
        if (!roles.contains(p.role())) {
            throw new ApiException(403, "forbidden", Map.of("role", p.role().code()));
        }
        return p;
    }

    public static String token(Context ctx) {
        String h = ctx.header("Authorization");
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return h.substring(7).trim();
        }
        // EventSource in a browser cannot set headers; SSE clients may pass the token as a query parameter.
        return ctx.queryParam("access_token");
    }

    private void idempotent(Context ctx, Call call, Handler h, String user, String key) throws Exception {
        if (key.isBlank() || key.length() > 200) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", IDEMPOTENCY_HEADER), IDEMPOTENCY_HEADER);
        }
        String fingerprint = fingerprint(ctx);
        String lockKey = user + "\u0000" + key;
        if (!inFlight.add(lockKey)) {
            throw ApiException.conflict("idempotency_in_progress", Map.of());
        }
        try {
            Optional<IdempotencyStore.Stored> stored = idempotency.find(user, key);
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(fingerprint)) {
                    throw ApiException.unprocessable("idempotency_key_reused", Map.of());
                }
                ctx.header("Idempotent-Replayed", "true");
                ctx.status(stored.get().status()).contentType("application/json").result(stored.get().body());
                return;
            }
            int status;
            String body;
            try {
                Object result = h.handle(call);
                status = call.status();
                body = serialise(result);
            } catch (ApiException e) {
                // A refusal is the first result too: replaying it must not act later (e.g. after a stale version).
                status = e.status();
                body = serialise(errors.error(ctx, e));
            }
            idempotency.save(user, key, new IdempotencyStore.Stored(fingerprint, status, body));
            ctx.status(status).contentType("application/json").result(body);
        } finally {
            inFlight.remove(lockKey);
        }
    }

    private String serialise(Object o) throws JsonProcessingException {
        return mapper.writeValueAsString(o == null ? Map.of() : o);
    }

    /** Path + canonical JSON body (keys sorted), so a replay with reordered fields is still the same request. */
    private String fingerprint(Context ctx) {
        String type = ctx.contentType();
        String body = String.valueOf(ctx.contentLength());
        if (type != null && type.startsWith("application/json")) {
            try {
                body = Call.text(ctx);
            } catch (ApiException e) {
                // the handler will refuse it the same way; the fingerprint needs no text
                body = "";
            }
            try {
                body = canonical.writeValueAsString(canonical.readValue(body, Object.class));
            } catch (JsonProcessingException e) {
                // not JSON: the handler will refuse it; fingerprint the raw text
            }
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(ctx.path().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests and the error mapper: an error body. */
    public ApiError errorBody(Context ctx, ApiException e) {
        return errors.error(ctx, e);
    }
}
