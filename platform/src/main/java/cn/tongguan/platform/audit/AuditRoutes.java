package cn.tongguan.platform.audit;

import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.Router;
import java.util.Map;

/** {@code GET /api/v1/audit} (filtered, newest first, cursor paged) and {@code GET /api/v1/audit/verify}: auditor only. */
public final class AuditRoutes {
    private final AuditLog log;

    public AuditRoutes(AuditLog log) {
        this.log = log;
    }

    public void register(Router r) {
        r.get("/api/v1/audit", Role.AUDITORS, c -> {
            Long before = null;
            String cursor = c.query("cursor");
            if (cursor != null) {
                try {
                    before = Long.parseLong(cursor);
                } catch (NumberFormatException e) {
                    throw new ApiException(400, "invalid_parameter", Map.of("parameter", "cursor"), "cursor");
                }
            }
            Integer limit = c.queryInt("limit", 1, 500);
            return log.page(new AuditLog.Query(c.queryInstant("from"), c.queryInstant("to"), c.query("actor"),
                    c.query("action"), before, limit == null ? 100 : limit));
        });
        r.get("/api/v1/audit/verify", Role.AUDITORS, c -> log.verify());
    }
}
