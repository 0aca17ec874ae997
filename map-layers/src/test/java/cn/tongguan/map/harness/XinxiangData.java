package cn.tongguan.map.harness;

import cn.tongguan.map.Feature;
import cn.tongguan.map.GeoJsonImporter;
import cn.tongguan.map.ImportResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Xinxiang reference data shipped in the test resources (see map-layers/NOTICE): the 12 county-level
 * polygons and the division codes (districts, streets, communities).
 */
public final class XinxiangData {
    /** The four urban districts: 红旗区, 卫滨区, 凤泉区, 牧野区. */
    public static final List<String> URBAN = List.of("410702", "410703", "410704", "410711");

    /** One row of divisions.csv. */
    public record Division(String code, String name, String level, String parentCode) {
    }

    private XinxiangData() {
    }

    public static ImportResult districts() {
        try (InputStream in = resource("districts.geojson")) {
            return new GeoJsonImporter().read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Division> divisions() {
        List<Division> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(resource("divisions.csv"), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.strip().split(",");
                if (cells.length == 4) {
                    rows.add(new Division(cells[0], cells[1], cells[2], cells[3]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public static List<Feature> urbanDistricts(List<Feature> districts) {
        return districts.stream().filter(f -> URBAN.contains(f.id())).toList();
    }

    private static InputStream resource(String name) {
        InputStream in = XinxiangData.class.getResourceAsStream("/xinxiang/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource xinxiang/" + name);
        }
        return in;
    }
}
