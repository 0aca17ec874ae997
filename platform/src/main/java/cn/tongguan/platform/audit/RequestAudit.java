package cn.tongguan.platform.audit;

import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.cases.Masking;
import cn.tongguan.platform.http.Router;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the audit log records of the routed requests ({@link Router.Observer}): every write (POST/PUT/DELETE) with its
 * outcome, as {@code admin.change} when the route is the administrator's (users, evaluation settings, thresholds,
 * imports), with the request body minus secrets; every refusal by role ({@code access.denied}); every read of
 * unmasked personal data (the reporter's name and phone in case lists, details and snapshots: {@code personal.read});
 * every read of the audit itself. Sign-in, refresh and sign-out are audited by the auth service, with more detail.
 */
public final class RequestAudit implements Router.Observer {
    private static final Logger LOG = LoggerFactory.getLogger(RequestAudit.class);
    /** The routes whose answers carry reporters' names and phone numbers unless masked. */
    private static final Set<String> PERSONAL = Set.of("/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/snapshot");
    private static final Set<String> SECRET_FIELDS = Set.of("password", "refreshtoken", "token");
    private static final int BODY_MAX = 2000;

    private final AuditLog log;
    private final ObjectMapper mapper;

    public RequestAudit(AuditLog log, ObjectMapper mapper) {
        this.log = log;
        this.mapper = mapper;
    }

    @Override
    public void handled(Context ctx, Router.Route route, Principal principal, int status) {
        try {
            AuditLog.Act act = act(ctx, route, principal, status);
            if (act != null) {
                log.append(act);
            }
        } catch (RuntimeException e) {
            // The request has been answered; a failed audit write is an operational alarm, not the caller's error.
            LOG.error("Audit entry for {} {} could not be written", ctx.method(), ctx.path(), e);
        }
    }

    private AuditLog.Act act(Context ctx, Router.Route route, Principal p, int status) {
        if (route.path().startsWith("/api/v1/auth/")) {
            return null;
        }
        String actor = p == null ? null : p.username();
        String role = p == null ? null : p.role().code();
        String outcome = Integer.toString(status);
        String target = ctx.path();
        if (status == 403 && p != null) {
            return new AuditLog.Act(actor, role, ctx.ip(), "access.denied", route.method() + " " + target, outcome, null);
        }
        if (!route.method().equals("GET")) {
            if (p == null) {
                return null; // no token: refused before anything was tried, and nobody to name
            }
            boolean admin = Role.ADMIN_ONLY.equals(route.roles());
            return new AuditLog.Act(actor, role, ctx.ip(), admin ? "admin.change" : "write", route.method() + " " + target,
                    outcome, admin ? body(ctx) : null);
        }
        if (status >= 300 || p == null) {
            return null;
        }
        if (route.path().startsWith("/api/v1/audit")) {
            return new AuditLog.Act(actor, role, ctx.ip(), "audit.read", withQuery(ctx), outcome, null);
        }
        if (PERSONAL.contains(route.path()) && Masking.of(p) == Masking.NONE) {
            return new AuditLog.Act(actor, role, ctx.ip(), "personal.read", withQuery(ctx), outcome, null);
        }
        return null;
    }

    private static String withQuery(Context ctx) {
        String q = ctx.queryString();
        return q == null ? ctx.path() : ctx.path() + "?" + q;
    }

    /** The JSON body of an administrator's change without any secret field; other bodies by their size only. */
    private String body(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return type == null ? null : "{\"contentType\":\"" + type.replace("\"", "") + "\",\"bytes\":" + ctx.contentLength() + "}";
        }
        try {
            JsonNode node = mapper.readTree(ctx.body());
            strip(node);
            String text = mapper.writeValueAsString(node);
            return text.length() <= BODY_MAX ? text : text.substring(0, BODY_MAX);
        } catch (java.io.IOException | RuntimeException e) {
            return "{\"unreadable\":true}";
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (SECRET_FIELDS.contains(f.toLowerCase(Locale.ROOT))) {
                    o.put(f, "***");
                } else {
                    strip(o.get(f));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(RequestAudit::strip);
        }
    }
}
