package cn.tongguan.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class ChoroplethTest {
    private static final Color[] FILLS = {Color.GREEN, Color.YELLOW, Color.RED};
    private final Choropleth heat = Choropleth.of("cases", new double[] {5, 20}, FILLS);

    private static Feature grid(Object cases) {
        GeometryFactory f = new GeometryFactory();
        return new Feature("g", f.createPoint(new Coordinate(113.9, 35.3)),
                cases == null ? Map.of() : Map.of("cases", cases));
    }

    @Test
    void valuesFallInTheClassOfTheBreaksAtOrBelowThem() {
        assertThat(heat.classOf(0)).isZero();
        assertThat(heat.classOf(4.99)).isZero();
        assertThat(heat.classOf(5)).isEqualTo(1);
        assertThat(heat.classOf(19)).isEqualTo(1);
        assertThat(heat.classOf(20)).isEqualTo(2);
        assertThat(heat.fillOf(grid(12))).isEqualTo(Color.YELLOW);
        assertThat(heat.fillOf(grid("25"))).isEqualTo(Color.RED);
        assertThat(heat.fillOf(grid(null))).isNull();
        assertThat(heat.fillOf(grid("n/a"))).isNull();
    }

    @Test
    void theLegendHasOneLinePerClass() {
        assertThat(heat.labels()).containsExactly("< 5", "5–20", "≥ 20");
        assertThat(Choropleth.of("v", new double[] {0.5, 2.25}, FILLS).labels())
                .containsExactly("< 0.5", "0.5–2.25", "≥ 2.25");
        FeatureLayer grids = new FeatureLayer("grids", "网格", List.of(),
                Style.choropleth("cases", new double[] {5, 20}, FILLS, Color.WHITE, 1));
        assertThat(grids.legend()).containsExactly(new LegendEntry("< 5", Color.GREEN, SymbolShape.SQUARE),
                new LegendEntry("5–20", Color.YELLOW, SymbolShape.SQUARE),
                new LegendEntry("≥ 20", Color.RED, SymbolShape.SQUARE));
    }

    @Test
    void fillsMustMatchTheBreaks() {
        assertThatThrownBy(() -> Choropleth.of("v", new double[] {5, 20}, new Color[] {Color.RED}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Choropleth.of("v", new double[] {20, 5}, FILLS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOtherStyleWithersKeepTheChoropleth() {
        Style style = Style.choropleth("cases", new double[] {5, 20}, FILLS, Color.WHITE, 1)
                .withLabel("name", Color.WHITE).withAntialias(false).withLabelSize(13);
        assertThat(style.choropleth()).isEqualTo(heat);
        assertThat(style.withChoropleth(null).choropleth()).isNull();
    }
}
