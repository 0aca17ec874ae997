package cn.tongguan.map.bench;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.internal.Viewport;
import cn.tongguan.map.internal.WebMercator;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The baseline: every feature of every layer drawn on one Canvas through GraphicsContext on each frame, the way a
 * StreamingRenderer-style map repaints. Projection is done per vertex per frame, as such a renderer would.
 */
final class NaiveCanvas {
    private final Canvas canvas;
    private final List<FeatureLayer> layers;

    NaiveCanvas(Canvas canvas, List<FeatureLayer> layers) {
        this.canvas = canvas;
        this.layers = layers;
    }

    void draw(MapViewState state) {
        Viewport vp = Viewport.of(state, canvas.getWidth(), canvas.getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#0d1b2a"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        for (FeatureLayer layer : layers) {
            g.setFill(layer.style().fill());
            g.setStroke(layer.style().stroke());
            g.setLineWidth(layer.style().strokeWidth());
            for (Feature f : layer.features()) {
                Geometry geometry = f.geometry();
                if (geometry instanceof Point p) {
                    g.setFill(layer.style().symbolOf(f.text("class")).colour());
                    double r = layer.style().pointRadius();
                    g.fillOval(vp.screenX(WebMercator.x(p.getX())) - r, vp.screenY(WebMercator.y(p.getY())) - r,
                            2 * r, 2 * r);
                    continue;
                }
                for (int i = 0; i < geometry.getNumGeometries(); i++) {
                    if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                        Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
                        double[] xs = new double[ring.length];
                        double[] ys = new double[ring.length];
                        for (int k = 0; k < ring.length; k++) {
                            xs[k] = vp.screenX(WebMercator.x(ring[k].x));
                            ys[k] = vp.screenY(WebMercator.y(ring[k].y));
                        }
                        g.fillPolygon(xs, ys, ring.length);
                        g.strokePolygon(xs, ys, ring.length);
                    }
                }
            }
        }
    }
}
