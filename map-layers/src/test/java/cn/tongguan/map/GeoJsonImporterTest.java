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
}
