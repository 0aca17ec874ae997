package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.Style;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class LabelPlacerTest {
    private static Feature square(String name, double lng, double lat, double size) {
        return new Feature(name, Layers.wkt(String.format(java.util.Locale.ROOT,
                "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))", lng, lat, lng + size, lat, lng + size, lat + size,
                lng, lat + size, lng, lat)), Map.of("name", name));
    }

    private static CompiledLayer labelled(Feature... features) {
        return Layers.compile(new FeatureLayer("l", "社区", List.of(features),
                Style.polygons(Color.BLUE, Color.WHITE, 1).withLabel("name", Color.WHITE)));
    }

    @Test
    void overlappingLabelsKeepOnlyTheBiggerPolygon() {
        CompiledLayer layer = labelled(square("大社区", 113.90, 35.30, 0.02), square("小社区", 113.905, 35.305, 0.012));
        Viewport vp = new Viewport(WebMercator.x(113.91), WebMercator.y(35.31), 12, 800, 600);
        List<LabelPlacer.Placed> placed = new LabelPlacer(100).place(vp, List.of(layer), 12);
        assertThat(placed).extracting(LabelPlacer.Placed::text).containsExactly("大社区");
    }

    @Test
    void labelsApartAreAllPlaced() {
        CompiledLayer layer = labelled(square("东", 113.90, 35.30, 0.01), square("西", 113.95, 35.30, 0.01));
        Viewport vp = new Viewport(WebMercator.x(113.93), WebMercator.y(35.30), 13, 1200, 600);
        assertThat(new LabelPlacer(100).place(vp, List.of(layer), 13)).hasSize(2);
    }

    @Test
    void aPolygonTooNarrowForItsNameIsNotLabelled() {
        CompiledLayer layer = labelled(square("一个很长很长的社区名字", 113.90, 35.30, 0.0005));
        Viewport vp = new Viewport(WebMercator.x(113.90), WebMercator.y(35.30), 12, 800, 600);
        assertThat(new LabelPlacer(100).place(vp, List.of(layer), 12)).isEmpty();
    }

    private static CompiledLayer roads(Feature... features) {
        return Layers.compile(new FeatureLayer("roads", "道路", List.of(features),
                Style.lines(Color.GRAY, 3).withLabel("name", Color.WHITE)));
    }

    private static Feature road(String name, String wkt) {
        return new Feature(name, Layers.wkt(wkt), Map.of("name", name));
    }

    @Test
    void aRoadsNameRunsAlongItsLongestStraightStretchNeverUpsideDown() {
        // drawn east to west and rising to the west: read left to right, turned like the road
        CompiledLayer layer = roads(road("平原路", "LINESTRING (113.91 35.300, 113.89 35.302, 113.889 35.31)"));
        Viewport vp = new Viewport(WebMercator.x(113.90), WebMercator.y(35.301), 16, 1600, 900);
        List<LabelPlacer.Placed> placed = new LabelPlacer(100).place(vp, List.of(layer), 16);
        assertThat(placed).singleElement().satisfies(label -> {
            assertThat(label.text()).isEqualTo("平原路");
            double expected = Math.toDegrees(Math.atan2(vp.screenY(WebMercator.y(35.300)) - vp.screenY(WebMercator.y(35.302)),
                    vp.screenX(WebMercator.x(113.91)) - vp.screenX(WebMercator.x(113.89))));
            assertThat(label.angle()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.5));
            assertThat(label.angle()).isBetween(-90.0, 90.0);
            // on the long stretch, not on the short northern leg
            assertThat(label.y()).isGreaterThan(vp.screenY(WebMercator.y(35.3025)));
        });
    }

    @Test
    void aNorthSouthRoadsChineseNameIsStackedUprightAndALatinOneTurned() {
        CompiledLayer layer = roads(road("胜利路", "LINESTRING (113.900 35.290, 113.9002 35.310)"),
                road("G107", "LINESTRING (113.910 35.290, 113.9102 35.310)"));
        Viewport vp = new Viewport(WebMercator.x(113.905), WebMercator.y(35.300), 16, 1600, 900);
        List<LabelPlacer.Placed> placed = new LabelPlacer(100).place(vp, List.of(layer), 16);
        assertThat(placed).hasSize(2);
        LabelPlacer.Placed chinese = placed.stream().filter(l -> l.text().startsWith("胜")).findFirst().orElseThrow();
        assertThat(chinese.text()).isEqualTo("胜\n利\n路");
        assertThat(chinese.angle()).isZero();
        // upright and stacked: the box is taller than wide, three lines high
        assertThat(chinese.height()).isGreaterThan(2.5 * chinese.width());
        assertThat(chinese.box()[3] - chinese.box()[1]).isGreaterThan(chinese.box()[2] - chinese.box()[0]);
        LabelPlacer.Placed latin = placed.stream().filter(l -> l.text().equals("G107")).findFirst().orElseThrow();
        assertThat(Math.abs(latin.angle())).isGreaterThan(80);
    }

    @Test
    void aSteepRoadLongEnoughForItsNameTurnedButNotStackedKeepsItTurned() {
        Viewport vp = new Viewport(WebMercator.x(113.905), WebMercator.y(35.300), 16, 1600, 900);
        // 62 px on screen: more than the name's width (3 × 16 + padding), less than its three stacked lines
        double top = WebMercator.lat(vp.worldY(450 - 31));
        double bottom = WebMercator.lat(vp.worldY(450 + 31));
        CompiledLayer layer = roads(road("胜利路", String.format(java.util.Locale.ROOT,
                "LINESTRING (113.905 %f, 113.9050001 %f)", bottom, top)));
        assertThat(new LabelPlacer(100).place(vp, List.of(layer), 16)).singleElement().satisfies(label -> {
            assertThat(label.text()).isEqualTo("胜利路");
            assertThat(Math.abs(label.angle())).isGreaterThan(80);
        });
    }

    @Test
    void aRoadTooShortOnScreenForItsNameIsNotLabelled() {
        CompiledLayer layer = roads(road("金穗大道", "LINESTRING (113.900 35.300, 113.9004 35.300)"));
        Viewport vp = new Viewport(WebMercator.x(113.90), WebMercator.y(35.30), 14, 800, 600);
        assertThat(new LabelPlacer(100).place(vp, List.of(layer), 14)).isEmpty();
    }

    @Test
    void noTwoPlacedBoxesIntersectWhateverTheCrowd() {
        java.util.Random random = new java.util.Random(5);
        List<Feature> polygons = new java.util.ArrayList<>();
        List<Feature> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double lng = 113.85 + random.nextDouble() * 0.1;
            double lat = 35.25 + random.nextDouble() * 0.1;
            polygons.add(square("社区" + i, lng, lat, 0.002 + random.nextDouble() * 0.02));
            double angle = random.nextDouble() * Math.PI;
            lines.add(road("道路" + i, String.format(java.util.Locale.ROOT, "LINESTRING (%f %f, %f %f)", lng, lat,
                    lng + 0.02 * Math.cos(angle), lat + 0.02 * Math.sin(angle))));
        }
        List<CompiledLayer> layers = List.of(labelled(polygons.toArray(Feature[]::new)),
                roads(lines.toArray(Feature[]::new)));
        double[] bubble = {500, 300, 560, 360};
        for (double zoom : new double[] {12, 13.5, 15, 16.7}) {
            Viewport vp = new Viewport(WebMercator.x(113.9), WebMercator.y(35.3), zoom, 1280, 720);
            List<LabelPlacer.Placed> placed = new LabelPlacer(500).place(vp, layers, (int) Math.round(zoom),
                    List.of(bubble));
            assertThat(placed).as("zoom %s", zoom).hasSizeGreaterThan(2);
            for (int i = 0; i < placed.size(); i++) {
                double[] a = placed.get(i).box();
                assertThat(LabelPlacer.collides(List.of(bubble), a)).isFalse();
                for (int j = i + 1; j < placed.size(); j++) {
                    assertThat(LabelPlacer.collides(List.of(a), placed.get(j).box()))
                            .as("%s and %s at zoom %s", placed.get(i).text(), placed.get(j).text(), zoom).isFalse();
                }
            }
        }
    }

    @Test
    void roadsDrawnFromDistrictZoomCarryTheirNamesOnlyFromTheirLabelZoom() {
        FeatureLayer layer = new FeatureLayer("roads", "道路",
                List.of(road("人民路", "LINESTRING (113.80 35.300, 114.00 35.300)")),
                Style.lines(Color.GRAY, 3).withLabel("name", Color.WHITE)).zoomRange(12, 30).labelsFrom(15);
        CompiledLayer compiled = Layers.compile(layer);
        Viewport district = new Viewport(WebMercator.x(113.90), WebMercator.y(35.30), 13.2, 1200, 600);
        Viewport street = new Viewport(WebMercator.x(113.90), WebMercator.y(35.30), 16, 1200, 600);
        assertThat(new LabelPlacer(100).place(district, List.of(compiled), 13)).isEmpty();
        assertThat(new LabelPlacer(100).place(street, List.of(compiled), 16)).extracting(LabelPlacer.Placed::text)
                .containsExactly("人民路");
    }

    @Test
    void placesAreNamedBesideTheirSymbolWithoutOverlapping() {
        List<Feature> places = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            places.add(new Feature("c" + i, Layers.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(
                    113.90 + (i % 8) * 0.0004, 35.30 + (i / 8) * 0.0002)), Map.of("name", "平原路与胜利路交叉口" + i)));
        }
        CompiledLayer layer = Layers.compile(new FeatureLayer("cameras", "视频", places,
                Style.points(Color.CYAN, 4).withLabel("name", Color.WHITE)));
        Viewport vp = new Viewport(WebMercator.x(113.9015), WebMercator.y(35.3004), 17, 1600, 900);
        List<LabelPlacer.Placed> placed = new LabelPlacer(100).place(vp, List.of(layer), 17);
        assertThat(placed).hasSizeBetween(2, 39);
        LabelPlacer.Placed first = placed.get(0);
        // beside the symbol: the box starts right of the point, on its row
        double px = vp.screenX(WebMercator.x(113.90));
        assertThat(placed).anySatisfy(p -> assertThat(p.box()[0]).isGreaterThan(px));
        assertThat(first.angle()).isZero();
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(LabelPlacer.collides(List.of(placed.get(i).box()), placed.get(j).box())).isFalse();
            }
        }
    }

    /** {@code n} cases in a Gaussian spread of {@code sigma} degrees around a point. */
    private static List<cn.tongguan.map.LiveItem> crowd(double lng, double lat, double sigma, int n) {
        java.util.Random random = new java.util.Random(46);
        List<cn.tongguan.map.LiveItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(cn.tongguan.map.LiveItem.of("c" + i, cn.tongguan.map.LiveKind.CASE,
                    lng + random.nextGaussian() * sigma, lat + random.nextGaussian() * sigma,
                    cn.tongguan.map.LiveStatus.PENDING, java.time.Instant.EPOCH));
        }
        return items;
    }

    private static boolean meetsAGroup(double[] box, List<OverlayLayout.Group> groups) {
        return groups.stream().anyMatch(g -> {
            double dx = g.x() - Math.max(box[0], Math.min(g.x(), box[2]));
            double dy = g.y() - Math.max(box[1], Math.min(g.y(), box[3]));
            return Math.hypot(dx, dy) < g.radius();
        });
    }

    @Test
    void aPolygonsNameMovesOffADenseClusterAtItsCentreAndStaysInside() {
        CompiledLayer layer = labelled(square("牧野区", 113.85, 35.25, 0.1));
        CompiledLayer.LabelAnchor anchor = layer.labels().get(0);
        Viewport vp = new Viewport(WebMercator.x(113.90), WebMercator.y(35.30), 12, 1200, 800);
        List<OverlayLayout.Group> groups = OverlayLayout.groups(vp, crowd(113.90, 35.30, 0.006, 3000), 15);
        List<LabelPlacer.Placed> bare = new LabelPlacer(100).place(vp, List.of(layer), 12);
        assertThat(bare).singleElement().satisfies(label -> {
            assertThat(label.x()).isCloseTo(vp.screenX(anchor.x()), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(meetsAGroup(label.box(), groups)).as("the usual place is under the bubbles").isTrue();
        });

        List<LabelPlacer.Placed> moved = new LabelPlacer(100).placeOver(vp, List.of(layer), 12, groups);
        assertThat(moved).singleElement().satisfies(label -> {
            assertThat(meetsAGroup(label.box(), groups)).isFalse();
            double[] b = label.box();
            for (double[] corner : new double[][] {{b[0], b[1]}, {b[2], b[1]}, {b[0], b[3]}, {b[2], b[3]}}) {
                assertThat(anchor.contains(vp.worldX(corner[0]), vp.worldY(corner[1]))).isTrue();
            }
            // near the crowd, not thrown to a corner of the district
            assertThat(Math.hypot(label.x() - vp.screenX(anchor.x()), label.y() - vp.screenY(anchor.y())))
                    .isLessThan(150);
        });
        // the same view gives the same place, from a fresh placer too
        assertThat(new LabelPlacer(100).placeOver(vp, List.of(layer), 12, groups).get(0).box())
                .containsExactly(moved.get(0).box());
    }

    @Test
    void aNameWithNoPlaceClearOfTheBubblesStillLeavesEveryCountInItsBubble() {
        CompiledLayer layer = labelled(square("人民路街道办事处", 113.89, 35.29, 0.03));
        Viewport vp = new Viewport(WebMercator.x(113.905), WebMercator.y(35.305), 13, 1200, 800);
        java.util.Random random = new java.util.Random(3);
        List<cn.tongguan.map.LiveItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            items.add(cn.tongguan.map.LiveItem.of("c" + i, cn.tongguan.map.LiveKind.CASE,
                    113.885 + random.nextDouble() * 0.04, 35.285 + random.nextDouble() * 0.04,
                    cn.tongguan.map.LiveStatus.PENDING, java.time.Instant.EPOCH));
        }
        List<OverlayLayout.Group> groups = OverlayLayout.groups(vp, items, 15);
        LabelPlacer.Placed label = new LabelPlacer(100).placeOver(vp, List.of(layer), 13, groups).get(0);
        assertThat(meetsAGroup(label.box(), groups)).as("every place in the polygon is under a bubble").isTrue();
        assertThat(OverlayObstacles.countsOf(groups).meets(label.box())).as("but no count is under the name").isFalse();
    }

    @Test
    void withoutTheOverlayOrWithItElsewhereANameStaysAtItsUsualAnchor() {
        CompiledLayer layer = labelled(square("卫滨区", 113.85, 35.25, 0.1));
        CompiledLayer.LabelAnchor anchor = layer.labels().get(0);
        Viewport vp = new Viewport(WebMercator.x(113.90), WebMercator.y(35.30), 12, 1200, 800);
        LabelPlacer placer = new LabelPlacer(100);
        for (List<OverlayLayout.Group> groups : List.of(List.<OverlayLayout.Group>of(),
                OverlayLayout.groups(vp, crowd(113.87, 35.27, 0.002, 500), 15))) {
            assertThat(placer.placeOver(vp, List.of(layer), 12, groups)).singleElement().satisfies(label -> {
                assertThat(label.x()).isEqualTo(vp.screenX(anchor.x()));
                assertThat(label.y()).isEqualTo(vp.screenY(anchor.y()));
            });
        }
    }

    @Test
    void aMovedNameKeepsItsPlaceOnTheGroundAcrossSmallPans() {
        CompiledLayer layer = labelled(square("红旗区", 113.85, 35.25, 0.1));
        List<cn.tongguan.map.LiveItem> items = crowd(113.90, 35.30, 0.006, 3000);
        LabelPlacer placer = new LabelPlacer(100);
        double[] first = null;
        for (int step = 0; step < 12; step++) {
            Viewport vp = new Viewport(WebMercator.x(113.90) + step * 7 / WebMercator.worldSize(12),
                    WebMercator.y(35.30) - step * 3 / WebMercator.worldSize(12), 12, 1200, 800);
            List<OverlayLayout.Group> groups = OverlayLayout.groups(vp, items, 15);
            LabelPlacer.Placed label = placer.placeOver(vp, List.of(layer), 12, groups).get(0);
            assertThat(meetsAGroup(label.box(), groups)).isFalse();
            double[] ground = {vp.worldX(label.x()), vp.worldY(label.y())};
            if (first == null) {
                first = ground;
            }
            assertThat(ground[0]).as("step %d", step).isCloseTo(first[0], org.assertj.core.data.Offset.offset(1e-12));
            assertThat(ground[1]).as("step %d", step).isCloseTo(first[1], org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void movedNamesNeverOverlapEachOtherNorTheBubbles() {
        java.util.Random random = new java.util.Random(7);
        List<Feature> polygons = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            polygons.add(square("社区" + i, 113.86 + random.nextDouble() * 0.08, 35.26 + random.nextDouble() * 0.08,
                    0.01 + random.nextDouble() * 0.02));
        }
        CompiledLayer layer = labelled(polygons.toArray(Feature[]::new));
        Viewport vp = new Viewport(WebMercator.x(113.9), WebMercator.y(35.3), 13.5, 1280, 720);
        List<OverlayLayout.Group> groups = OverlayLayout.groups(vp, crowd(113.90, 35.30, 0.01, 4000), 15);
        List<LabelPlacer.Placed> placed = new LabelPlacer(500).placeOver(vp, List.of(layer), 14, groups);
        assertThat(placed).hasSizeGreaterThan(2);
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(LabelPlacer.collides(List.of(placed.get(i).box()), placed.get(j).box())).isFalse();
            }
        }
    }
}
