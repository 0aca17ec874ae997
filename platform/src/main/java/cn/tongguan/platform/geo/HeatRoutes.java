package cn.tongguan.platform.geo;

import cn.tongguan.api.Geo;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.Call;
import cn.tongguan.platform.http.Router;
import cn.tongguan.platform.storage.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Case density per grid for the maps' heat layer (issue 15, ADR 0128): {@code GET /api/v1/geo/heat?from=&to=
 * [&bigCode=]} counts the cases reported in {@code [from, to)} per grid code. Everyone who reads cases may ask
 * (a department counts only its own cases, as it lists them). The ETag is a digest of the counts, because cases
 * change all day and no layer version describes them: a seat that asks again gets 304 while nothing moved.
 */
public final class HeatRoutes {
    /** Big class codes as the category tree writes them. */
    private static final Pattern BIG_CODE = Pattern.compile("[A-Za-z0-9]{1,16}");
    /** A longer period is a report, not a map layer; it would also scan the whole table. */
    static final Duration MAX_SPAN = Duration.ofDays(400);

    private final Database db;
    private final ObjectMapper mapper;

    public HeatRoutes(Database db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    public void register(Router r) {
        r.get("/api/v1/geo/heat", Role.CASE_READERS, c -> {
            Instant from = required(c, "from", c.queryInstant("from"));
            Instant to = required(c, "to", c.queryInstant("to"));
            if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
                throw new ApiException(400, "invalid_parameter", Map.of("parameter", "to", "reason", "bad_period"), "to");
            }
            String bigCode = c.query("bigCode");
            if (bigCode != null && !BIG_CODE.matcher(bigCode).matches()) {
                throw new ApiException(400, "invalid_parameter", Map.of("parameter", "bigCode", "reason", "bad_format"), "bigCode");
            }
            Geo.Heat heat = heat(c.principal(), from, to, bigCode);
            byte[] body = mapper.writeValueAsBytes(heat);
            if (!GeoRoutes.notModified(c, "\"h1-" + digest(body) + "\"")) {
                c.ctx().contentType("application/json");
                c.ctx().result(body);
            }
            return null;
        });
    }

    /** The counts per grid, largest first (then by grid code, so that equal bodies hash alike). */
    Geo.Heat heat(Principal p, Instant from, Instant to, String bigCode) {
        return db.read(tx -> {
            StringBuilder sql = new StringBuilder(
                    "SELECT grid_code, COUNT(*) FROM cases WHERE reported_at >= ? AND reported_at < ? AND grid_code IS NOT NULL");
            List<Object> args = new ArrayList<>(List.of(from.toEpochMilli(), to.toEpochMilli()));
            if (bigCode != null) {
                sql.append(" AND big_code = ?");
                args.add(bigCode);
            }
            if (p.role() == Role.DEPARTMENT) {
                sql.append(" AND department_code = ?");
                args.add(p.departmentCode());
            }
            sql.append(" GROUP BY grid_code ORDER BY COUNT(*) DESC, grid_code");
            List<Geo.HeatCell> cells = new ArrayList<>();
            long total = 0;
            try (var ps = tx.connection().prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cells.add(new Geo.HeatCell(rs.getString(1), rs.getLong(2)));
                        total += rs.getLong(2);
                    }
                }
            }
            return new Geo.Heat(from, to, bigCode, total, cells);
        });
    }

    private static <T> T required(Call c, String name, T value) {
        if (value == null) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", name, "reason", "required"), name);
        }
        return value;
    }

    private static String digest(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
