package cn.tongguan.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.cases.CaseHistoryImport;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A platform holding the Tianmen month ({@link TianmenFixture}) and any further cases, read over HTTP as the
 * leader: the evaluation's suite and the stats' suite read the same city.
 */
record TianmenPlatform(PlatformServer server, Api api, String leader) implements AutoCloseable {
    static TianmenPlatform start(String db, List<CaseHistoryImport.HistoricCase> more) {
        PlatformServer server = Platforms.start(db, null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        Api api = new Api(server.port());
        TianmenFixture.load(server);
        if (!more.isEmpty()) {
            try (CaseHistoryImport history = server.historyImport()) {
                more.forEach(history::add);
            }
        }
        return new TianmenPlatform(server, api, api.login("leader"));
    }

    /** The leader's GET, asserted 200. */
    JsonNode ok(String path) {
        Api.Resp r = api.get(path, leader);
        assertThat(r.status()).as(path + " → " + r.text()).isEqualTo(200);
        return r.body();
    }

    static JsonNode row(JsonNode report, String key) {
        for (JsonNode r : report.get("rows")) {
            if (r.get("key").asText().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no row " + key + " in " + report);
    }

    @Override
    public void close() {
        server.stop();
    }
}
