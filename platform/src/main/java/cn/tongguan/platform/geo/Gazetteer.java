package cn.tongguan.platform.geo;

import cn.tongguan.api.Geocoding;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Address text → places, from the names and shapes the platform already holds (GB/T 30428.3 style: 行政区划 +
 * grid; our city data has no street-number gazetteer yet, so a caller's address resolves to the most specific
 * division it names). A name matches in full ("健康路社区") or without its administrative suffix ("健康路"), so
 * what a caller says on the phone is found; names matched at several levels that belong together (区 + 街道 +
 * 社区) rank the joint place first. In memory, rebuilt with the locator.
 */
public final class Gazetteer {
    /** Suffixes callers leave out; longest first so "街道办事处" wins over "街道". */
    private static final List<String> SUFFIXES = List.of("街道办事处", "办事处", "村委会", "居委会", "街道", "社区", "村",
            "镇", "乡", "区", "县", "市");
    private static final Map<String, Double> LEVEL_SCORE = Map.of("district", 1.0, "street", 2.0, "community", 4.0);
    private static final Pattern COORDINATES = Pattern.compile("(1[01]\\d\\.\\d+)\\s*[,，\\s]\\s*(\\d{2}\\.\\d+)");
    private static final Pattern GRID_CODE = Pattern.compile("(?<!\\d)(\\d{15})(?!\\d)");

    /** A named division with a point inside it. */
    public record Place(String code, String name, String level, Locator.Location codes, double lng, double lat) {
    }

    private final List<Place> places;
    private final Map<String, Place> grids;
    private final Locator locator;

    Gazetteer(List<Place> places, Map<String, Place> grids, Locator locator) {
        this.places = places;
        this.grids = grids;
        this.locator = locator;
    }

    /** Builds the gazetteer from divisions (code → name, level, geometry) and grid geometries. */
    public static Gazetteer build(List<Named> divisions, Map<String, Locator.Location> gridCodes,
                                  Map<String, Geometry> gridShapes, Locator locator) {
        List<Place> places = new ArrayList<>();
        for (Named d : divisions) {
            if (d.geometry() == null || d.geometry().isEmpty()) {
                continue;
            }
            Point p = d.geometry().getInteriorPoint();
            places.add(new Place(d.code(), d.name(), d.level(), d.codes(), p.getX(), p.getY()));
        }
        Map<String, Place> grids = new HashMap<>();
        gridShapes.forEach((code, g) -> {
            Point p = g.getInteriorPoint();
            grids.put(code, new Place(code, code, "grid", gridCodes.get(code), p.getX(), p.getY()));
        });
        return new Gazetteer(List.copyOf(places), Map.copyOf(grids), locator);
    }

    /** A division as stored: its codes chain and shape. */
    public record Named(String code, String name, String level, Locator.Location codes, Geometry geometry) {
    }

    /** Candidates for {@code text}, best first, at most {@code limit}. */
    public List<Geocoding.Candidate> find(String text, int limit) {
        String q = normalise(text);
        List<Geocoding.Candidate> out = new ArrayList<>();
        Matcher xy = COORDINATES.matcher(q);
        if (xy.find()) {
            double lng = Double.parseDouble(xy.group(1));
            double lat = Double.parseDouble(xy.group(2));
            if (locator.inCity(lng, lat)) {
                out.add(candidate(xy.group(), "point", lng, lat, locator.locate(lng, lat), null, xy.group(), 100));
            }
        }
        Matcher grid = GRID_CODE.matcher(q);
        while (grid.find()) {
            Place g = grids.get(grid.group(1));
            if (g != null) {
                out.add(candidate(g.name(), "grid", g.lng(), g.lat(), g.codes(), null, g.code(), 50));
            }
        }
        out.addAll(byNames(q));
        out.sort(Comparator.comparingDouble(Geocoding.Candidate::score).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private List<Geocoding.Candidate> byNames(String q) {
        Map<String, String> hits = new HashMap<>();
        for (Place p : places) {
            String m = match(q, p.name());
            if (m != null) {
                hits.put(p.code(), m);
            }
        }
        List<Geocoding.Candidate> out = new ArrayList<>();
        for (Place p : places) {
            String m = hits.get(p.code());
            if (m == null) {
                continue;
            }
            Locator.Location c = p.codes();
            // A place that a more specific hit lies in is only context for it, not a candidate of its own.
            if (!"community".equals(p.level()) && places.stream().anyMatch(o -> hits.containsKey(o.code())
                    && !o.code().equals(p.code()) && inside(o.codes(), p))) {
                continue;
            }
            double score = LEVEL_SCORE.getOrDefault(p.level(), 0.5) + m.length() * 0.1;
            StringBuilder label = new StringBuilder();
            for (String parent : new String[] {c.districtCode(), c.streetCode()}) {
                if (parent != null && !parent.equals(p.code())) {
                    if (hits.containsKey(parent)) {
                        score += LEVEL_SCORE.get(parent.equals(c.districtCode()) ? "district" : "street");
                    }
                    label.append(nameOf(parent)).append(' ');
                }
            }
            label.append(p.name());
            Locator.Location at = locator.locate(p.lng(), p.lat());
            Locator.Location codes = new Locator.Location(c.districtCode(), c.streetCode(), c.communityCode(),
                    at.gridCode());
            out.add(candidate(label.toString(), p.level(), p.lng(), p.lat(), codes, null, m, score));
        }
        return out;
    }

    private static boolean inside(Locator.Location child, Place parent) {
        return parent.code().equals(child.districtCode()) || parent.code().equals(child.streetCode())
                || parent.code().equals(child.communityCode());
    }

    private String nameOf(String code) {
        for (Place p : places) {
            if (p.code().equals(code)) {
                return p.name();
            }
        }
        return code;
    }

    /** The part of {@code name} found in {@code q}: in full, or its stem when that is at least two characters. */
    static String match(String q, String name) {
        if (q.contains(name)) {
            return name;
        }
        for (String s : SUFFIXES) {
            if (name.endsWith(s)) {
                String stem = name.substring(0, name.length() - s.length());
                return stem.length() >= 2 && q.contains(stem) ? stem : null;
            }
        }
        return null;
    }

    /** Full-width digits and punctuation to ASCII (NFKC: "１１３．９，３５．３" reads as coordinates), trimmed. */
    static String normalise(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).trim();
    }

    public Geocoding.Candidate candidate(String label, String level, double lng, double lat, Locator.Location codes,
                                         String partCode, String matched, double score) {
        Locator.Location c = codes == null ? Locator.Location.NOWHERE : codes;
        return new Geocoding.Candidate(label, level, lng, lat, c.districtCode(), c.streetCode(), c.communityCode(),
                c.gridCode(), partCode, matched, score);
    }
}
