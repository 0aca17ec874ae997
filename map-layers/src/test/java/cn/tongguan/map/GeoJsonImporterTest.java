package cn.tongguan.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.harness.XinxiangData;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeoJsonImporterTest {
    private final GeoJsonImporter importer = new GeoJsonImporter();

    @Test
    void theRealXinxiangDistrictsAllArriveValidWithTheirNames() {
        ImportResult result = XinxiangData.districts();
        assertThat(result.features()).hasSize(12);
        assertThat(result.features()).allMatch(f -> f.geometry().isValid());
        assertThat(result.features()).extracting(Feature::id).contains("410702", "410703", "410704", "410711");
        assertThat(result.features().get(0).text("name")).isEqualTo("红旗区");
    }

    @Test
    void aBowTiePolygonIsRepairedAndReported() {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"g1"},"geometry":{"type":"Polygon",
                  "coordinates":[[[113.90,35.30],[113.91,35.31],[113.91,35.30],[113.90,35.31],[113.90,35.30]]]}}]}
                """;
        ImportResult result = importer.read(json);
        assertThat(result.features()).hasSize(1);
        assertThat(result.features().get(0).id()).isEqualTo("g1");
        assertThat(result.features().get(0).geometry().isValid()).isTrue();
        assertThat(result.features().get(0).geometry().getArea()).isGreaterThan(0);
        assertThat(result.problems()).singleElement().asString().contains("g1").contains("repaired");
    }

    @Test
    void aBrokenFeatureCostsOnlyItself() {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":"bad","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,2]]]}},
                 {"type":"Feature","id":"none","properties":{}},
                 {"type":"Feature","id":"ok","properties":{"name":"井盖"},"geometry":{"type":"Point","coordinates":[113.9,35.3]}}]}
                """;
        ImportResult result = importer.read(json);
        assertThat(result.features()).extracting(Feature::id).containsExactly("ok");
        assertThat(result.problems()).hasSize(2);
    }

    @Test
    void notJsonAtAllIsAProblemNotACrash() {
        ImportResult result = importer.read("{\"type\": \"FeatureCollection\", \"features\": [");
        assertThat(result.features()).isEmpty();
        assertThat(result.problems()).singleElement().asString().contains("GeoJSON");
    }

    @Test
    void aBareGeometryIsOneFeature() {
        ImportResult result = importer.read("{\"type\":\"LineString\",\"coordinates\":[[113.9,35.3],[113.95,35.32]]}");
        assertThat(result.features()).extracting(f -> f.geometry().getGeometryType()).isEqualTo(List.of("LineString"));
    }

    @Test
    void membersMayComeInAnyOrderAndCoordinatesBeforeTheType() {
        String json = """
                {"features":[
                  {"geometry":{"coordinates":[[[113.9,35.3],[113.91,35.3],[113.91,35.31],[113.9,35.3]]],
                   "type":"Polygon"},"properties":{"name":"甲","code":7},"type":"Feature"},
                  {"properties":{"name":"乙","extra":{"a":[1,2.5,true,null]}},"type":"Feature",
                   "geometry":{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[[5,6],[7,8,9]]]}}],
                 "type":"FeatureCollection"}
                """;
        ImportResult result = importer.read(json);
        assertThat(result.problems()).isEmpty();
        assertThat(result.features()).extracting(Feature::id).containsExactly("7", "1");
        assertThat(result.features().get(0).geometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(result.features().get(0).attributes()).containsEntry("code", 7L);
        assertThat(result.features().get(1).geometry().getNumGeometries()).isEqualTo(2);
        assertThat(result.features().get(1).attributes().get("extra"))
                .isEqualTo(java.util.Map.of("a", java.util.Arrays.asList(1L, 2.5, true, null)));
    }

    @Test
    void aFileCutShortKeepsTheFeaturesBeforeTheCut() {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":"a","properties":{"class":"井盖"},"geometry":{"type":"Point","coordinates":[113.9,35.3]}},
                 {"type":"Feature","id":"b","properties":{"class":"井盖"},"geometry":{"type":"Point","coordinates":[113.91,35.3]}},
                 {"type":"Feature","id":"c","properties":{"class":"井
                """;
        ImportResult result = importer.read(json);
        assertThat(result.features()).extracting(Feature::id).containsExactly("a", "b");
        assertThat(result.problems()).singleElement().asString().contains("GeoJSON").contains("after 2 features");
    }

    @Test
    void repeatedPropertySetsAreOneInstance() {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < 50; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"id\":\"p").append(i)
                    .append("\",\"properties\":{\"class\":\"").append(i % 2 == 0 ? "井盖" : "路灯")
                    .append("\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[113.9,35.3]}}");
        }
        ImportResult result = importer.read(json.append("]}").toString());
        assertThat(result.features()).hasSize(50);
        assertThat(result.features().get(0).attributes()).isSameAs(result.features().get(48).attributes());
        assertThat(result.features().get(1).attributes()).isSameAs(result.features().get(49).attributes())
                .isNotSameAs(result.features().get(0).attributes());
    }

    @Test
    void streamingHandsFeaturesOverOneByOne() throws java.io.IOException {
        java.util.List<String> seen = new java.util.ArrayList<>();
        java.util.List<String> problems = importer.stream(new java.io.StringReader("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[1,2]}}, 17,
                 {"type":"Feature","id":"b","geometry":{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}}]}
                """), f -> seen.add(f.id()));
        assertThat(seen).containsExactly("a", "b");
        assertThat(problems).singleElement().asString().contains("not an object");
    }
}
