package cn.tongguan.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The case list answers the same pages whichever way {@link ListPlan} reads the table: a value more common than
 * {@link ListPlan#COMMON} hidden from the index choice, a rare one through its index, a composite index leading the
 * order. 9,000 cases of one source and district (common), 40 of another (rare), a third of them handling; each
 * combination and sort is compared, over two pages joined by the cursor, with the same filter and order in Java.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListPlanTest {
    private static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final int COMMON_CASES = 9_000;

    @TempDir
    Path dir;

    private final List<Row> rows = new ArrayList<>();
    private final List<PlatformServer> servers = new ArrayList<>();
    private final java.util.Map<String, Api> apis = new java.util.HashMap<>();

    record Row(long id, String state, String source, String district, long reportedAt, long updatedAt, Long deadlineAt) {
    }

    @BeforeAll
    void fill() throws Exception {
        for (int i = 1; i <= COMMON_CASES + 40; i++) {
            boolean rare = i > COMMON_CASES;
            rows.add(new Row(i, i % 3 == 0 || rare ? "handling" : "closed", rare ? "hotline_12345" : "inspector",
                    rare ? "410703" : "410702", BASE + (i % 4500) * 1000L, BASE + ((i * 7919L) % 9000) * 1000,
                    i % 10 == 0 ? null : BASE + ((i * 104_729L) % 5000) * 60_000));
        }
    }

    @AfterAll
    void stop() {
        servers.forEach(PlatformServer::stop);
    }

    private Api api(String db) throws Exception {
        if (apis.containsKey(db)) {
            return apis.get(db);
        }
        String url = TestDatabases.fresh(db, dir.resolve(db));
        PlatformServer server = Platforms.startOn(url, dir.resolve(db), new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        servers.add(server);
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO cases (id, case_no, state, source, kind, big_code, small_code, lng, lat, district_code, "
                        + "description, urgency, version, reported_at, updated_at, deadline_at, rework_count, back_count, "
                        + "extension_count) VALUES (?, ?, ?, ?, 'event', '06', '06010', 113.9, 35.3, ?, '-', 'normal', 1, "
                        + "?, ?, ?, 0, 0, 0)")) {
            c.setAutoCommit(false);
            for (Row r : rows) {
                cn.tongguan.platform.storage.Sql.bind(ps, r.id + 1_000_000, "P" + r.id, r.state, r.source, r.district,
                        r.reportedAt, r.updatedAt, r.deadlineAt == null ? cn.tongguan.platform.storage.Sql.NullOf.BIGINT : r.deadlineAt);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
        Api api = new Api(server.port());
        apis.put(db, api);
        return api;
    }

    static List<Object[]> shapes() {
        List<String> filters = List.of("source=inspector", "districtCode=410702", "source=inspector&districtCode=410702",
                "source=hotline_12345", "state=handling", "state=handling&districtCode=410702",
                "source=inspector&state=closed");
        List<Object[]> out = new ArrayList<>();
        for (String db : List.of(TestDatabases.H2, TestDatabases.PG)) {
            for (String f : filters) {
                for (String sort : List.of("-reportedAt", "reportedAt", "deadline", "-updatedAt")) {
                    out.add(new Object[] {db, f, sort});
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1} sort={2}")
    @MethodSource("shapes")
    void everyPlanAnswersTheSamePagesAsTheFilterItself(String db, String filter, String sort) throws Exception {
        Api api = api(db);
        String token = api.login("operator");
        List<Long> got = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 2; page++) {
            Api.Resp r = api.get("/api/v1/cases?limit=50&sort=" + sort + "&" + filter
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), token);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            r.body().get("items").forEach(i -> got.add(i.get("id").asLong() - 1_000_000));
            JsonNode next = r.body().get("nextCursor");
            if (next == null || next.isNull()) {
                break;
            }
            cursor = next.asText();
        }
        assertThat(got).isEqualTo(expected(filter, sort));
    }

    private List<Long> expected(String filter, String sort) {
        Predicate<Row> p = r -> true;
        for (String kv : filter.split("&")) {
            String[] f = kv.split("=");
            Predicate<Row> one = switch (f[0]) {
                case "source" -> r -> r.source.equals(f[1]);
                case "districtCode" -> r -> r.district.equals(f[1]);
                default -> r -> r.state.equals(f[1]);
            };
            p = p.and(one);
        }
        Comparator<Row> order = switch (sort) {
            case "-reportedAt", "reportedAt" -> Comparator.comparingLong(Row::reportedAt);
            case "deadline" -> Comparator.comparingLong(Row::deadlineAt);
            default -> Comparator.comparingLong(Row::updatedAt);
        };
        order = order.thenComparingLong(Row::id);
        if (sort.startsWith("-")) {
            order = order.reversed();
        }
        Predicate<Row> keep = "deadline".equals(sort) ? p.and(r -> r.deadlineAt != null) : p;
        return rows.stream().filter(keep).sorted(order).limit(100).map(Row::id).toList();
    }
}
