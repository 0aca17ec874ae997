package cn.tongguan.platform.events;

import cn.tongguan.api.Events;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.Router;
import io.javalin.Javalin;
import java.util.Map;

/** {@code GET /api/v1/events} (SSE) and the feeds that produce sensor and camera events. */
public final class EventRoutes {
    private final EventStream stream;
    private final Feeds feeds;

    public EventRoutes(EventStream stream, Feeds feeds) {
        this.stream = stream;
        this.feeds = feeds;
    }

    public void register(Javalin app, Router r) {
        r.declare("GET", "/api/v1/events", Role.EVENT_SUBSCRIBERS);
        // Authenticate before Javalin switches the response to text/event-stream, so refusals are JSON.
        app.before("/api/v1/events", ctx -> {
            if (ctx.method() != io.javalin.http.HandlerType.GET) {
                return; // another method is a 405 (Router), not a refused subscription
            }
            ctx.attribute("principal", r.authorise(ctx, Role.EVENT_SUBSCRIBERS));
            if (stream.closed()) {
                // the platform is stopping: a plain refusal the console retries, not a stream that never speaks
                throw new ApiException(503, "unavailable", Map.of());
            }
            ctx.attribute("token", Router.token(ctx));
            ctx.attribute("lastEventId", lastEventId(ctx));
            // Javalin's SSE handler only engages for exactly this Accept header (what EventSource and okhttp-sse send).
            if (!"text/event-stream".equals(ctx.header("Accept"))) {
                throw new ApiException(406, "not_acceptable", Map.of("accept", "text/event-stream"));
            }
        });
        app.sse("/api/v1/events", client -> {
            Principal p = client.ctx().attribute("principal");
            stream.subscribe(client, p, client.ctx().attribute("token"), client.ctx().attribute("lastEventId"));
        });
        r.post("/api/v1/sensors/readings", Role.ADMIN_ONLY, c -> feeds.reading(c.body(Events.SensorReading.class)));
        r.post("/api/v1/cameras/status", Role.ADMIN_ONLY, c -> feeds.cameraStatus(c.body(Events.CameraStatus.class)));
    }

    private static Long lastEventId(io.javalin.http.Context ctx) {
        String v = ctx.header("Last-Event-ID");
        if (v == null) {
            v = ctx.queryParam("lastEventId");
        }
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", "Last-Event-ID"), "Last-Event-ID");
        }
    }
}
