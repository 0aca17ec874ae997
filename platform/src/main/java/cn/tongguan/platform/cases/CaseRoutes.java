package cn.tongguan.platform.cases;

import cn.tongguan.api.Codes;
import cn.tongguan.api.Cases;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.Call;
import cn.tongguan.platform.http.Router;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** HTTP routes of cases: report, list, snapshot, detail, transitions, photos. */
public final class CaseRoutes {
    private final CaseService service;
    private final CaseQueries queries;
    private final PhotoStore photos;
    private final CaseImporter importer;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public CaseRoutes(CaseService service, CaseQueries queries, PhotoStore photos, CaseImporter importer,
                      com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.service = service;
        this.queries = queries;
        this.photos = photos;
        this.importer = importer;
        this.mapper = mapper;
    }

    public void register(Router r) {
        r.post("/api/v1/cases", Role.REPORTERS, c -> {
            // 201 when this call filed the case; 200 with the case as it is now when its clientId was filed before.
            CaseService.Filed filed = service.file(c.principal(), c.body(Cases.NewCase.class));
            c.status(filed.first() ? 201 : 200);
            return filed.item();
        });
        r.get("/api/v1/cases", Role.CASE_READERS, c -> queries.list(c.principal(), query(c)));
        r.get("/api/v1/cases/snapshot", Role.CASE_READERS, c -> {
            CaseQuery q = query(c);
            c.ctx().contentType("application/x-ndjson");
            queries.snapshot(c.principal(), q, c.ctx().outputStream());
            return null;
        });
        r.get("/api/v1/cases/difficult", Role.STATS_READERS, c -> queries.difficult(c.principal()));
        r.get("/api/v1/cases/{id}", Role.CASE_READERS, c -> queries.detail(c.principal(), c.pathLong("id")));
        r.post("/api/v1/cases/{id}/transitions", Role.STAFF,
                c -> service.transition(c.principal(), c.pathLong("id"), c.body(Cases.Transition.class),
                        c.ctx().header(cn.tongguan.platform.http.Router.IDEMPOTENCY_HEADER)));
        r.post("/api/v1/cases/{id}/photos", Role.STAFF, c -> {
            long id = c.pathLong("id");
            long length = c.ctx().contentLength();
            if (length > photos.maxBytes() + 64 * 1024) {
                throw new ApiException(413, "payload_too_large", Map.of("maxBytes", photos.maxBytes()));
            }
            String type = c.ctx().contentType();
            if (type == null || !type.startsWith("multipart/form-data")) {
                throw new ApiException(415, "unsupported_media_type", Map.of(), String.valueOf(type));
            }
            UploadedFile file;
            String stage;
            try {
                file = c.ctx().uploadedFile("file");
                stage = c.ctx().formParam("stage");
            } catch (Exception e) {
                throw multipartRefusal(e);
            }
            if (file == null) {
                throw Call.invalid("file", "required");
            }
            stage = stage == null ? "report" : stage;
            if (!List.of("report", "before", "after", "check").contains(stage)) {
                throw Call.invalid("stage", "unknown_value");
            }
            try (InputStream in = file.content()) {
                c.status(201);
                return photos.add(c.principal(), id, stage, in);
            }
        });
        r.post("/api/v1/admin/import-cases", Role.ADMIN_ONLY, c -> new cn.tongguan.api.Reference.ImportResult("cases",
                cn.tongguan.platform.http.Ndjson.load(c, mapper, Cases.ImportedCase.class, 5000,
                        rows -> importer.importCases(rows, c.principal().username()))));
        r.get("/api/v1/photos/{id}", Role.CASE_READERS, c -> {
            var f = photos.file(c.principal(), c.pathLong("id"));
            c.ctx().contentType(f.getValue());
            // the stored type was detected from the bytes; browsers must not second-guess it
            c.ctx().header("X-Content-Type-Options", "nosniff");
            c.ctx().result(Files.newInputStream(f.getKey()));
            return null;
        });
    }

    /**
     * What Jetty's multipart parser threw, as the client's mistake: a part over the limit is a 413 (Jetty says so
     * with an IllegalStateException "… exceeds max …"), anything else (no boundary, a broken one, a body cut
     * short) a 400 — never the 500 of an unhandled exception.
     */
    private ApiException multipartRefusal(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException a) {
                return a;
            }
            if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("exceeds")) {
                return new ApiException(413, "payload_too_large", Map.of("maxBytes", photos.maxBytes()));
            }
        }
        return new ApiException(400, "bad_multipart", Map.of());
    }

    static CaseQuery query(Call c) {
        String states = c.query("state");
        List<String> stateList = states == null ? null : Arrays.stream(states.split(",")).map(String::trim).toList();
        String sort = c.queryEnum("sort", CaseQuery.SORTS);
        String light = c.queryEnum("light", Codes.LIGHTS);
        Integer limit = c.queryInt("limit", 1, 1000);
        return new CaseQuery(stateList, c.queryEnum("source", Codes.SOURCES), c.queryEnum("kind", Codes.KINDS), c.query("bigCode"),
                c.query("smallCode"), c.query("districtCode"), c.query("streetCode"), c.query("communityCode"),
                c.query("gridCode"), c.query("departmentCode"), light, bool(c, "overdue"), bool(c, "open"), c.query("q"),
                c.queryInstant("from"), c.queryInstant("to"), sort, c.query("cursor"), limit == null ? 50 : limit);
    }

    private static Boolean bool(Call c, String name) {
        String v = c.query(name);
        if (v == null) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", name), name);
        }
        return Boolean.valueOf(v);
    }
}
