package cn.tongguan.platform.reports;

import cn.tongguan.api.Reports;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.Router;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/** {@code /api/v1/reports}: generate (leaders, shift leaders, admin), list and download (also dispatchers). */
public final class ReportRoutes {
    public static final Set<Role> GENERATE = EnumSet.of(Role.LEADER, Role.SHIFT_LEADER, Role.ADMIN);
    public static final Set<Role> READ = EnumSet.of(Role.LEADER, Role.SHIFT_LEADER, Role.DISPATCHER, Role.ADMIN);
    static final String PDF_TYPE = "application/pdf";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportService service;

    public ReportRoutes(ReportService service) {
        this.service = service;
    }

    public void register(Router r) {
        r.post("/api/v1/reports", GENERATE, c -> {
            Reports.GenerateRequest req = c.body(Reports.GenerateRequest.class);
            c.status(201);
            return service.generate(c.principal().username(), req);
        });
        r.get("/api/v1/reports", READ, c -> {
            String kind = c.queryEnum("kind", Reports.KINDS);
            Integer limit = c.queryInt("limit", 1, 1000);
            return service.list(kind, limit == null ? 100 : limit);
        });
        r.get("/api/v1/reports/{id}/pdf", READ, c -> download(c, ReportStore.PDF, PDF_TYPE));
        r.get("/api/v1/reports/{id}/xlsx", READ, c -> download(c, ReportStore.XLSX, XLSX_TYPE));
    }

    private Object download(cn.tongguan.platform.http.Call c, String type, String contentType) {
        ReportStore.File f = service.file(c.pathLong("id"), type);
        c.ctx().contentType(contentType);
        c.ctx().header("Content-Disposition", contentDisposition(f.title() + "." + type,
                "report-" + f.kind() + "-" + f.period() + "." + type));
        c.ctx().result(f.bytes());
        return null;
    }

    /**
     * An attachment named in Chinese by RFC 6266/5987 ({@code filename*=UTF-8''…}), with a plain ASCII
     * {@code filename} first for clients that know only that.
     */
    static String contentDisposition(String name, String asciiName) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded;
    }
}
