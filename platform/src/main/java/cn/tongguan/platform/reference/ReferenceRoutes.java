package cn.tongguan.platform.reference;

import cn.tongguan.api.Geocoding;
import cn.tongguan.api.Reference;
import cn.tongguan.platform.geo.Locator;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.Call;
import cn.tongguan.platform.http.Ndjson;
import cn.tongguan.platform.http.Router;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reference data endpoints, and the administrator's NDJSON bulk import (one record per line). */
public final class ReferenceRoutes {
    private static final int CHUNK = 5000;
    private final ReferenceDataStore store;
    private final ReferenceQueries queries;
    private final ObjectMapper mapper;
    private final java.util.function.Consumer<String> imported;

    public ReferenceRoutes(ReferenceDataStore store, ReferenceQueries queries, ObjectMapper mapper) {
        this(store, queries, mapper, kind -> { });
    }

    /** {@code imported} hears the kind of each import once it is stored (the sites' renaming, ADR 0132). */
    public ReferenceRoutes(ReferenceDataStore store, ReferenceQueries queries, ObjectMapper mapper,
                           java.util.function.Consumer<String> imported) {
        this.store = store;
        this.queries = queries;
        this.mapper = mapper;
        this.imported = imported;
    }

    /** Names, grid codes and coordinates from the gazetteer; part codes (部件标识码) from the parts table. */
    private List<Geocoding.Candidate> geocode(String q, int limit) {
        List<Geocoding.Candidate> out = new ArrayList<>(store.gazetteer().find(q, limit));
        List<String> codes = new ArrayList<>();
        Matcher m = PART_CODE.matcher(q);
        while (m.find() && codes.size() < 5) {
            codes.add(m.group());
        }
        Locator locator = store.locator();
        for (Reference.Part p : queries.partsByCode(codes)) {
            out.add(0, store.gazetteer().candidate((p.name() == null ? p.code() : p.name() + " " + p.code()), "part",
                    p.lng(), p.lat(), locator.locate(p.lng(), p.lat()), p.code(), p.code(), 200));
        }
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static final Pattern PART_CODE = Pattern.compile("[A-Za-z0-9-]{8,32}");

    public void register(Router r) {
        r.get("/api/v1/divisions", Role.ALL, c -> queries.divisionTree());
        r.get("/api/v1/grids", Role.ALL, c -> {
            c.ctx().contentType("application/geo+json");
            // Buffered: Javalin gzips only when the first write is large enough, and the first line alone is not.
            java.io.BufferedOutputStream out = new java.io.BufferedOutputStream(c.ctx().outputStream(), 1 << 16);
            queries.gridsGeoJson(c.query("division"), out);
            out.flush();
            return null;
        });
        r.get("/api/v1/parts", Role.ALL, c -> {
            String bbox = c.query("bbox");
            if (bbox == null) {
                throw Call.invalid("bbox", "required");
            }
            double[] b = parseBbox(bbox);
            Integer limit = c.queryInt("limit", 1, 50_000);
            return queries.partsInBox(b[0], b[1], b[2], b[3], limit == null ? 10_000 : limit);
        });
        r.get("/api/v1/parts/all", Role.ALL, c -> {
            c.ctx().contentType("application/x-ndjson");
            java.io.BufferedOutputStream out = new java.io.BufferedOutputStream(c.ctx().outputStream(), 1 << 16);
            queries.allParts(out);
            out.flush();
            return null;
        });
        r.get("/api/v1/geocode", Role.ALL, c -> {
            String q = c.query("q");
            if (q == null || q.isBlank()) {
                throw Call.invalid("q", "required");
            }
            if (q.length() > 200) {
                throw Call.invalid("q", "too_long");
            }
            Integer limit = c.queryInt("limit", 1, 50);
            return geocode(q, limit == null ? 10 : limit);
        });
        r.get("/api/v1/categories", Role.ALL, c -> queries.categories());
        r.get("/api/v1/departments", Role.ALL, c -> queries.departments());
        r.get("/api/v1/cameras", Role.ALL, c -> queries.cameras());
        r.get("/api/v1/sensors", Role.ALL, c -> queries.sensors());
        r.post("/api/v1/admin/import/{kind}", Role.ADMIN_ONLY, this::importNdjson);
        r.post("/api/v1/admin/calendar/hours", Role.ADMIN_ONLY, c -> {
            Map<?, ?> body = c.body(Map.class);
            Object spec = body.get("hours");
            if (!(spec instanceof String s)) {
                throw Call.invalid("hours", "required");
            }
            try {
                store.setWorkingHours(s);
            } catch (RuntimeException e) {
                throw Call.invalid("hours", "bad_format");
            }
            return Map.of("hours", s);
        });
    }

    private static double[] parseBbox(String s) {
        String[] p = s.split(",");
        if (p.length != 4) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", "bbox"), "bbox");
        }
        try {
            double[] b = new double[4];
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(p[i].trim());
            }
            return b;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", "bbox"), "bbox");
        }
    }

    private Object importNdjson(Call c) throws IOException {
        String kind = c.path("kind");
        long n = switch (kind) {
            case "divisions" -> load(c, Reference.Division.class, store::upsertDivisions);
            case "grids" -> load(c, Reference.Grid.class, store::upsertGrids);
            case "parts" -> load(c, Reference.Part.class, store::upsertParts);
            case "categories" -> load(c, Reference.Category.class, store::upsertCategories);
            case "departments" -> load(c, Reference.Department.class, store::upsertDepartments);
            case "cameras" -> load(c, Reference.Camera.class, store::upsertCameras);
            case "sensors" -> load(c, Reference.Sensor.class, store::upsertSensors);
            case "calendar" -> load(c, Reference.CalendarDay.class, store::upsertCalendarDays);
            case "lines" -> load(c, cn.tongguan.api.Geo.Line.class, store::upsertLines);
            default -> throw ApiException.notFound("import kind", kind);
        };
        store.reload();
        imported.accept(kind);
        return new Reference.ImportResult(kind, n);
    }

    private <T> long load(Call c, Class<T> type, Function<List<T>, Long> sink) throws IOException {
        return Ndjson.load(c, mapper, type, CHUNK, sink);
    }
}
