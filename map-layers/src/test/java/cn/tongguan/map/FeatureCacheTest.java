package cn.tongguan.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.harness.XinxiangData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class FeatureCacheTest {
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private final FeatureCache cache = new FeatureCache();
    @TempDir
    Path dir;

    @Test
    void polygonsPointsAndAttributesComeBackAsTheyWent() throws IOException {
        List<Feature> features = new ArrayList<>(XinxiangData.districts().features());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("class", "井盖");
        attributes.put("depth", 1.5);
        attributes.put("count", 3L);
        attributes.put("ok", true);
        attributes.put("none", null);
        attributes.put("tags", List.of("a", 2L));
        features.add(new Feature("410700010000001", FACTORY.createPoint(new Coordinate(113.9, 35.3)), attributes));
        Path file = dir.resolve("layer.tgfc");
        cache.write(file, "v7", new ImportResult(features, List.of("要素 x 的几何已修复")));

        ImportResult back = cache.read(file, "v7");
        assertThat(back.problems()).containsExactly("要素 x 的几何已修复");
        assertThat(back.features()).hasSize(features.size());
        for (int i = 0; i < features.size(); i++) {
            Feature a = features.get(i);
            Feature b = back.features().get(i);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.attributes()).isEqualTo(a.attributes());
            assertThat(b.geometry().equalsExact(a.geometry())).as(a.id()).isTrue();
            assertThat(b.geometry().getSRID()).isEqualTo(4326);
        }
    }

    @Test
    void featuresOfOneClassShareTheirPropertySetAfterLoading() throws IOException {
        Map<String, Object> manhole = Map.of("class", "井盖");
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            features.add(new Feature("p" + i, FACTORY.createPoint(new Coordinate(113.9 + i * 1e-4, 35.3)),
                    i % 3 == 0 ? Map.of("class", "路灯") : manhole));
        }
        Path file = dir.resolve("parts.tgfc");
        cache.write(file, "s", new ImportResult(features, List.of()));
        List<Feature> back = cache.read(file, "s").features();
        assertThat(back.get(1).attributes()).isSameAs(back.get(2).attributes()).isEqualTo(manhole);
        assertThat(back.get(0).attributes()).isSameAs(back.get(3).attributes()).isEqualTo(Map.of("class", "路灯"));
        assertThat(back.get(99).geometry().getCoordinate().x).isEqualTo(113.9 + 99 * 1e-4);
    }

    @Test
    void anotherStampOrADamagedFileIsNotUsed() throws IOException {
        Path file = dir.resolve("d.tgfc");
        cache.write(file, "one", XinxiangData.districts());
        assertThat(cache.read(file, "two")).isNull();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);
        assertThat(cache.read(file, "one")).isNull();
        assertThat(cache.read(dir.resolve("missing.tgfc"), "one")).isNull();
    }

    @Test
    void aGeoJsonFileIsImportedOnceThenServedFromItsCache() throws IOException {
        Path source = dir.resolve("parts.geojson");
        Files.writeString(source, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":"a","properties":{"class":"井盖"},"geometry":{"type":"Point","coordinates":[113.9,35.3]}}]}
                """);
        Path cached = dir.resolve("parts.tgfc");
        assertThat(cache.load(source, cached).features()).extracting(Feature::id).containsExactly("a");
        assertThat(cached).exists();
        // the cache, not the source, answers the second time: prove it by breaking the source's text
        // while keeping its size and modification time
        var modified = Files.getLastModifiedTime(source);
        String text = Files.readString(source).replace("\"a\"", "\"z\"");
        Files.writeString(source, text);
        Files.setLastModifiedTime(source, modified);
        assertThat(cache.load(source, cached).features()).extracting(Feature::id).containsExactly("a");
        // a real change (new modification time) re-imports
        Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(modified.toMillis() + 2000));
        assertThat(cache.load(source, cached).features()).extracting(Feature::id).containsExactly("z");
    }
}
