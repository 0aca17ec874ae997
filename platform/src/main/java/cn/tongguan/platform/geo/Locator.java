package cn.tongguan.platform.geo;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point → unit grid → community/street/district, in memory (STR-tree over prepared polygons). Rebuilt as a
 * whole when reference data change; lookups never touch the database.
 */
public final class Locator {
    /** Where a point lies; any part may be null where no reference data cover it. */
    public record Location(String districtCode, String streetCode, String communityCode, String gridCode) {
        public static final Location NOWHERE = new Location(null, null, null, null);
    }

    /** An area: its codes and geometry. {@code level} is grid, community, street or district. */
    public record Area(String level, Location codes, Geometry geometry) {
    }

    private record Entry(Area area, PreparedGeometry prepared) {
    }

    private final STRtree tree = new STRtree();
    private final Envelope cityBounds;

    public Locator(List<Area> areas, Envelope cityBounds) {
        this.cityBounds = cityBounds;
        for (Area a : areas) {
            tree.insert(a.geometry().getEnvelopeInternal(), new Entry(a, PreparedGeometryFactory.prepare(a.geometry())));
        }
        tree.build();
    }

    public boolean inCity(double lng, double lat) {
        return cityBounds.contains(lng, lat);
    }

    private static final Map<String, Integer> RANK = Map.of("grid", 0, "community", 1, "street", 2, "district", 3);

    /** The most specific area containing the point (a grid if one does). */
    public Location locate(double lng, double lat) {
        Point p = GeoJson.point(lng, lat);
        Entry best = null;
        for (Object o : tree.query(new Envelope(lng, lng, lat, lat))) {
            Entry e = (Entry) o;
            if (e.prepared().covers(p) && (best == null || RANK.get(e.area().level()) < RANK.get(best.area().level()))) {
                best = e;
            }
        }
        return best == null ? Location.NOWHERE : best.area().codes();
    }
}
