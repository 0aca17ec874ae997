package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.tongguan.api.Reference;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;

/**
 * The served geography (ADR 0110) over real HTTP, on H2 and PostgreSQL: division polygons per level with labels,
 * generalised per zoom without gaps between neighbours; lines per kind, minor streets only from zoom 14; every
 * part in columns that decode to the stored parts, paged or whole; ETag → 304 until the layer changes; 400 with
 * {code, message} for bad queries.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class GeoTest {
    /** More than one block of the stream (10,000), so that dictionaries grow across blocks. */
    private static final int PARTS = 10_050;
    private static final double WEST = 113.80;
    private static final double EAST = 113.90;
    private static final double SOUTH = 35.25;
    private static final double NORTH = 35.35;

    @Parameter
    String db;

    private static PlatformServer server;
    private static Api api;
    private static List<Reference.Part> parts;

    @BeforeParameterizedClassInvocation
    static void start(String db) {
        server = Platforms.start(db, null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        api = new Api(server.port());
        // Two districts sharing a wiggly edge of 401 positions along lng 113.85, and a street in the first.
        List<double[]> edge = new ArrayList<>();
        for (int i = 0; i <= 400; i++) {
            double lat = SOUTH + (NORTH - SOUTH) * i / 400;
            edge.add(new double[] {113.85 + 0.0004 * Math.sin(i * 0.7), lat});
        }
        server.referenceData().upsertDivisions(List.of(
                new Reference.Division("410703", "卫滨区", "district", null, polygon(WEST, edge, true)),
                new Reference.Division("410702", "红旗区", "district", null, polygon(EAST, edge, false)),
                new Reference.Division("410703001", "胜利路街道", "street", "410703",
                        json("{\"type\":\"Polygon\",\"coordinates\":[[[113.81,35.26],[113.84,35.26],[113.84,35.29],[113.81,35.29],[113.81,35.26]]]}"))));
        parts = new ArrayList<>();
        String[] classes = {"01002", "01037", "04002"};
        String[] roads = {"平原路", "胜利路", "人民路", "胜利路东一支路"};
        for (int i = 0; i < PARTS; i++) {
            String cls = classes[i % 3];
            parts.add(new Reference.Part(String.format("410702%s%06d", cls, i), cls, cls.equals("01002") ? "污水井盖" : "路灯",
                    113.81 + (i % 100) * 0.0007, 35.26 + (i / 100) * 0.0007, "410702001001" + String.format("%03d", i % 7),
                    i % 5 == 0 ? null : "D0" + (i % 2 + 1), "完好", i % 11 == 0 ? null : roads[i % 4], i % 11 == 0 ? null : 2 * i + 1));
        }
        server.referenceData().upsertParts(parts);
        Api.Resp lines = ndjson("lines", """
                {"id":"road-0001","kind":"road","name":"平原路","lineClass":"trunk","generated":false,"geometry":{"type":"LineString","coordinates":[[113.80,35.30],[113.85,35.3001],[113.90,35.3002]]}}
                {"id":"street-0001","kind":"road","name":"平原路北一支路","lineClass":"minor","generated":true,"geometry":{"type":"LineString","coordinates":[[113.82,35.302],[113.84,35.302]]}}
                {"id":"water-0001","kind":"water","name":"卫河","lineClass":"river","generated":false,"geometry":{"type":"MultiLineString","coordinates":[[[113.80,35.31],[113.85,35.32]],[[113.85,35.32],[113.90,35.33]]]}}
                {"id":"rail-0001","kind":"rail","name":"京广铁路","lineClass":"railway","generated":false,"geometry":{"type":"LineString","coordinates":[[113.86,35.25],[113.865,35.35]]}}
                """);
        assertThat(lines.status()).as(lines.text()).isEqualTo(200);
        assertThat(lines.body().get("count").asInt()).isEqualTo(4);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.stop();
    }

    /** West: outer side, then the edge northwards; east: outer side, then the edge southwards (the same positions). */
    private static JsonNode polygon(double outer, List<double[]> edge, boolean west) {
        List<double[]> ring = new ArrayList<>();
        ring.add(new double[] {outer, SOUTH});
        if (west) {
            ring.addAll(edge);
            ring.add(new double[] {outer, NORTH});
        } else {
            ring.add(new double[] {outer, NORTH});
            for (int i = edge.size() - 1; i >= 0; i--) {
                ring.add(edge.get(i));
            }
        }
        ring.add(new double[] {outer, SOUTH});
        StringBuilder sb = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < ring.size(); i++) {
            sb.append(i > 0 ? "," : "").append('[').append(ring.get(i)[0]).append(',').append(ring.get(i)[1]).append(']');
        }
        return json(sb.append("]]}").toString());
    }

    private static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api.Resp ndjson(String kind, String body) {
        return api.send(api.builder("/api/v1/admin/import/" + kind, api.login("admin"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Api.Resp get(String path, String etag) {
        HttpRequest.Builder b = api.builder(path, api.login("wall"));
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return api.send(b.GET().build());
    }

    private static JsonNode features(Api.Resp r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        return json(r.text()).get("features");
    }

    private static Geometry shape(JsonNode feature) {
        return cn.tongguan.platform.geo.GeoJson.toGeometry(feature.get("geometry"));
    }

    @Test
    void divisionsOfALevelCarryNamesCodesParentsAndALabelInside() {
        JsonNode districts = features(get("/api/v1/geo/divisions?level=district", null));
        assertThat(districts).hasSize(2);
        Map<String, JsonNode> byCode = new HashMap<>();
        districts.forEach(f -> byCode.put(f.get("id").asText(), f));
        JsonNode weibin = byCode.get("410703");
        assertThat(weibin.get("properties").get("name").asText()).isEqualTo("卫滨区");
        assertThat(weibin.get("properties").get("level").asText()).isEqualTo("district");
        Geometry shape = shape(weibin);
        assertThat(shape.getNumPoints()).isGreaterThan(400);
        assertThat(shape.contains(cn.tongguan.platform.geo.GeoJson.point(weibin.get("properties").get("labelLng").asDouble(),
                weibin.get("properties").get("labelLat").asDouble()))).isTrue();
        JsonNode streets = features(get("/api/v1/geo/divisions?level=street", null));
        assertThat(streets).hasSize(1);
        assertThat(streets.get(0).get("properties").get("parentCode").asText()).isEqualTo("410703");
        assertThat(features(get("/api/v1/geo/divisions?level=community", null))).isEmpty();
    }

    @Test
    void aZoomGeneralisesNeighboursAlongOneSharedEdge() {
        JsonNode full = features(get("/api/v1/geo/divisions?level=district", null));
        JsonNode city = features(get("/api/v1/geo/divisions?level=district&zoom=9", null));
        // At zoom 9 a pixel is ~250 m: the 40 m wiggles of the edge are below half a pixel and go.
        Geometry a = shape(city.get(0));
        Geometry b = shape(city.get(1));
        assertThat(a.getNumPoints() + b.getNumPoints()).isLessThan((shape(full.get(0)).getNumPoints() + shape(full.get(1)).getNumPoints()) / 10);
        assertThat(a.isValid() && b.isValid()).isTrue();
        // Simplified as a coverage: no gap, no overlap between the two.
        assertThat(a.intersection(b).getArea()).isCloseTo(0.0, within(1e-9));
        assertThat(a.union(b).getArea()).isCloseTo(shape(full.get(0)).union(shape(full.get(1))).getArea(), within(2e-5));
    }

    @Test
    void linesPerKindWithNamesAndClassesAndMinorStreetsFromStreetZoom() {
        JsonNode roads = features(get("/api/v1/geo/lines?kind=road", null));
        assertThat(roads).extracting(f -> f.get("properties").get("name").asText()).containsExactly("平原路", "平原路北一支路");
        assertThat(roads.get(0).get("properties").get("class").asText()).isEqualTo("trunk");
        assertThat(roads.get(1).get("properties").get("generated").asBoolean()).isTrue();
        assertThat(features(get("/api/v1/geo/lines?kind=road&zoom=13", null)))
                .extracting(f -> f.get("properties").get("name").asText()).containsExactly("平原路");
        assertThat(features(get("/api/v1/geo/lines?kind=road&zoom=14", null))).hasSize(2);
        JsonNode water = features(get("/api/v1/geo/lines?kind=water", null));
        assertThat(water.get(0).get("geometry").get("type").asText()).isEqualTo("MultiLineString");
        assertThat(features(get("/api/v1/geo/lines?kind=rail", null)).get(0).get("properties").get("name").asText()).isEqualTo("京广铁路");
    }

    /** The parts of one streamed response: header, blocks decoded through their growing dictionaries, end. */
    private record Decoded(JsonNode header, List<Reference.Part> parts, JsonNode end, int blocks) {
    }

    private static Decoded decode(String ndjson) {
        String[] lines = ndjson.split("\n");
        JsonNode header = json(lines[0]);
        List<String> prefixes = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        Map<String, String> classNames = new HashMap<>();
        List<String> grids = new ArrayList<>();
        List<String> departments = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> roads = new ArrayList<>();
        List<Reference.Part> out = new ArrayList<>();
        double scale = header.get("coordinateScale").asDouble();
        for (int l = 1; l < lines.length - 1; l++) {
            JsonNode block = json(lines[l]);
            assertThat(block.get("type").asText()).isEqualTo("block");
            JsonNode dict = block.get("dictionary");
            dict.path("codePrefixes").forEach(g -> prefixes.add(g.asText()));
            dict.path("classes").forEach(c -> {
                classes.add(c.get("code").asText());
                classNames.put(c.get("code").asText(), c.get("name").asText());
            });
            dict.path("grids").forEach(g -> grids.add(g.asText()));
            dict.path("departments").forEach(g -> departments.add(g.asText()));
            dict.path("states").forEach(g -> states.add(g.asText()));
            dict.path("roads").forEach(g -> roads.add(g.asText()));
            for (int i = 0; i < block.get("codeSuffix").size(); i++) {
                String cls = classes.get(block.get("classes").get(i).asInt());
                int road = block.get("roads").get(i).asInt();
                int door = block.get("doorNumbers").get(i).asInt();
                String code = prefixes.get(block.get("codePrefix").get(i).asInt()) + block.get("codeSuffix").get(i).asText();
                out.add(new Reference.Part(code, cls, classNames.get(cls),
                        block.get("lng").get(i).asLong() / scale, block.get("lat").get(i).asLong() / scale,
                        pick(grids, block.get("grids").get(i).asInt()), pick(departments, block.get("departments").get(i).asInt()),
                        pick(states, block.get("states").get(i).asInt()), pick(roads, road), door == 0 ? null : door));
            }
        }
        JsonNode end = json(lines[lines.length - 1]);
        assertThat(end.get("type").asText()).isEqualTo("end");
        return new Decoded(header, out, end, lines.length - 2);
    }

    private static String pick(List<String> dict, int index) {
        return index < 0 ? null : dict.get(index);
    }

    private static void assertSameParts(List<Reference.Part> got, List<Reference.Part> expected) {
        Map<String, Reference.Part> want = expected.stream().collect(Collectors.toMap(Reference.Part::code, Function.identity()));
        assertThat(got).hasSameSizeAs(expected);
        for (Reference.Part p : got) {
            Reference.Part w = want.get(p.code());
            assertThat(p.lng()).isCloseTo(w.lng(), within(1e-6));
            assertThat(p.lat()).isCloseTo(w.lat(), within(1e-6));
            assertThat(new Reference.Part(p.code(), p.smallCode(), p.name(), w.lng(), w.lat(), p.gridCode(), p.departmentCode(),
                    p.status(), p.road(), p.doorNumber())).isEqualTo(w);
        }
    }

    @Test
    void partsInColumnsDecodeToTheStoredPartsWholeOrPageByPage() {
        Api.Resp whole = get("/api/v1/geo/parts", null);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        Decoded all = decode(whole.text());
        assertThat(all.header().get("format").asText()).isEqualTo("tongguan.parts.columns/1");
        assertThat(all.header().get("total").asLong()).isEqualTo(PARTS);
        assertThat(all.blocks()).isEqualTo(2);
        assertThat(all.end().get("count").asLong()).isEqualTo(PARTS);
        assertThat(all.end().get("nextCursor").isNull()).isTrue();
        assertSameParts(all.parts(), parts);

        List<Reference.Part> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Decoded page = decode(get("/api/v1/geo/parts?limit=4000" + (cursor == null ? "" : "&cursor=" + cursor), null).text());
            paged.addAll(page.parts());
            cursor = page.end().get("nextCursor").isNull() ? null : page.end().get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertSameParts(paged, parts);
    }

    @Test
    void theWholeLayerIsKeptPerVersionGzippedOrNotAndRebuiltWhenThePartsChange() throws Exception {
        String plain = get("/api/v1/geo/parts", null).text();
        HttpRequest.Builder asked = api.builder("/api/v1/geo/parts", api.login("wall")).header("Accept-Encoding", "gzip");
        var gz = api.http().send(asked.GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
        String inflated = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(inflated).isEqualTo(plain);
        assertThat(decode(inflated).end().get("count").asLong()).isEqualTo(PARTS);

        Reference.Part moved = parts.get(1);
        server.referenceData().upsertParts(List.of(new Reference.Part(moved.code(), moved.smallCode(), moved.name(),
                moved.lng(), moved.lat(), moved.gridCode(), moved.departmentCode(), "丢失", moved.road(), moved.doorNumber())));
        try {
            // A new version of the layer: the kept bytes of the old one are not served again.
            assertThat(decode(get("/api/v1/geo/parts", null).text()).parts().stream()
                    .filter(p -> p.code().equals(moved.code())).findFirst().orElseThrow().status()).isEqualTo("丢失");
        } finally {
            server.referenceData().upsertParts(List.of(moved));
        }
    }

    @Test
    void anETagAnswers304UntilItsOwnLayerChanges() {
        Api.Resp first = get("/api/v1/geo/parts?limit=5", null);
        String partsTag = first.raw().headers().firstValue("ETag").orElseThrow();
        Api.Resp again = get("/api/v1/geo/parts?limit=5", partsTag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.text()).isEmpty();
        assertThat(get("/api/v1/geo/parts?limit=6", partsTag).status()).as("another page is another copy").isEqualTo(200);
        String linesTag = get("/api/v1/geo/lines?kind=road", null).raw().headers().firstValue("ETag").orElseThrow();
        String divisionsTag = get("/api/v1/geo/divisions?level=district&zoom=10", null).raw().headers().firstValue("ETag").orElseThrow();
        assertThat(get("/api/v1/geo/divisions?level=district&zoom=10", "\"other\", " + divisionsTag).status()).isEqualTo(304);

        Reference.Part moved = parts.get(0);
        server.referenceData().upsertParts(List.of(new Reference.Part(moved.code(), moved.smallCode(), moved.name(),
                moved.lng(), moved.lat(), moved.gridCode(), moved.departmentCode(), "破损", moved.road(), moved.doorNumber())));
        Api.Resp changed = get("/api/v1/geo/parts?limit=5", partsTag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.raw().headers().firstValue("ETag").orElseThrow()).isNotEqualTo(partsTag);
        assertThat(decode(changed.text()).parts().get(0).status()).isEqualTo("破损");
        // the other layers did not change: their copies stay current
        assertThat(get("/api/v1/geo/lines?kind=road", linesTag).status()).isEqualTo(304);
        assertThat(get("/api/v1/geo/divisions?level=district&zoom=10", divisionsTag).status()).isEqualTo(304);
        server.referenceData().upsertParts(List.of(moved));
    }

    @Test
    void badQueriesAre400WithCodeAndMessage() {
        for (String path : List.of("/api/v1/geo/divisions", "/api/v1/geo/divisions?level=grid", "/api/v1/geo/divisions?level=district&zoom=23",
                "/api/v1/geo/divisions?level=district&zoom=x", "/api/v1/geo/lines", "/api/v1/geo/lines?kind=bus",
                "/api/v1/geo/lines?kind=road&zoom=-1", "/api/v1/geo/parts?cursor=%27%3B--", "/api/v1/geo/parts?limit=0",
                "/api/v1/geo/parts?limit=1000001")) {
            Api.Resp r = get(path, null);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.body().get("code").asText()).as(path).isEqualTo("invalid_parameter");
            assertThat(r.body().get("message").asText()).as(path).isNotBlank();
        }
        Api.Resp polygon = ndjson("lines", "{\"id\":\"x\",\"kind\":\"road\",\"name\":\"x\",\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[1,1],[2,1],[2,2],[1,1]]]}}\n");
        assertThat(polygon.status()).isEqualTo(400);
        Api.Resp kind = ndjson("lines", "{\"id\":\"x\",\"kind\":\"canal\",\"name\":\"x\",\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[1,1],[2,1]]}}\n");
        assertThat(kind.status()).isEqualTo(400);
    }
}
