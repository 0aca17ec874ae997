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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Free text of the case list through the pair index (ADR 0150), on H2 and PostgreSQL: a two-character fragment of
 * Chinese text finds its case in the description and in the address, the case number still matches exactly, a text
 * no case holds answers an empty page, and a changed text is found by its new words only.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class CaseTextSearchTest {
    @Parameter
    String db;

    @TempDir
    Path dir;

    private String url;
    private PlatformServer server;
    private Api api;
    private String token;

    @BeforeEach
    void start() {
        url = TestDatabases.fresh(db, dir);
        server = Platforms.startOn(url, dir, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        api = new Api(server.port());
        token = api.login("operator");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private JsonNode report(String description, String address) {
        Map<String, Object> body = Api.newCase();
        body.put("description", description);
        body.put("address", address);
        Api.Resp r = api.post("/api/v1/cases", api.login("inspector"), body, null);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    private List<Long> found(String text) {
        Api.Resp r = api.get("/api/v1/cases?limit=100&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8), token);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.body().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void aTwoCharacterFragmentFindsTheCaseByDescriptionAndByAddress() {
        long manhole = report("人行道井盖缺失，行人易绊倒", "人民路南一支路210号").get("id").asLong();
        long lamp = report("路灯夜间不亮", "解放大道东一支路113号").get("id").asLong();
        assertThat(found("井盖")).containsExactly(manhole);
        assertThat(found("盖缺失")).containsExactly(manhole);
        assertThat(found("民路")).containsExactly(manhole);
        assertThat(found("210号")).containsExactly(manhole);
        assertThat(found("不亮")).containsExactly(lamp);
        // Both addresses hold 一支路: every pair is common to both, each case still passes the LIKE.
        assertThat(found("一支路")).containsExactlyInAnyOrder(manhole, lamp);
        // One character has no pair: the LIKE alone, as before.
        assertThat(found("灯")).containsExactly(lamp);
        // Every pair is in the first case's address, but not in this order: the LIKE decides.
        assertThat(found("一支路南")).isEmpty();
        // A pair (盖不) no case holds: nothing is read.
        assertThat(found("井盖不亮")).isEmpty();
        assertThat(found("zzzz-nothing")).isEmpty();
    }

    @Test
    void theCaseNumberStillMatchesExactly() {
        JsonNode c = report("暴露垃圾", "平原路1号");
        assertThat(found(c.get("caseNo").asText())).containsExactly(c.get("id").asLong());
    }

    @Test
    void aChangedTextIsFoundByItsNewWordsOnly() throws Exception {
        long id = report("人行道井盖缺失", "人民路210号").get("id").asLong();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET description = ?, address = ? WHERE id = ?")) {
                ps.setString(1, "护栏损坏");
                ps.setString(2, "人民路8号");
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            CaseTerms.reindex(c, id, new String[] {"人行道井盖缺失", "人民路210号"}, new String[] {"护栏损坏", "人民路8号"});
            c.commit();
        }
        assertThat(found("井盖")).isEmpty();
        assertThat(found("210")).isEmpty();
        assertThat(found("护栏")).containsExactly(id);
        assertThat(found("民路8")).containsExactly(id);
    }

    @Test
    void pairsAreTheDistinctAdjacentCharactersOfEveryText() {
        assertThat(CaseTerms.terms("井盖井盖", null, "盖井")).containsExactly(
                ('井' << 16) | '盖', ('盖' << 16) | '井');
        assertThat(CaseTerms.terms("灯")).isEmpty();
    }
}
