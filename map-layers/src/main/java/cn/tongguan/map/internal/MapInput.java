package cn.tongguan.map.internal;

import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;

/**
 * Mouse, wheel, pinch and keyboard input of the map: drag and arrows pan, wheel / {@code +} / {@code −} zoom
 * smoothly, pinch zooms directly; Backspace / Escape go one drill-down level up, Home shows everything; hover and clicks are handed to
 * the map. Handlers are added with
 * {@code addEventHandler}, so a caller's own {@code setOnXxx} handlers keep working. FX thread only.
 */
public final class MapInput {
    private static final double KEY_PAN_PX = 120;
    /** Half a zoom level per wheel notch (40 units on GTK and Windows). */
    private static final double ZOOM_PER_WHEEL_UNIT = 0.5 / 40;

    /** A pointer position in the map's pixels. */
    @FunctionalInterface
    public interface PointerHandler {
        void at(double x, double y);
    }

    /** A click at a pixel with its click count. */
    @FunctionalInterface
    public interface ClickHandler {
        void click(double x, double y, int clickCount);
    }

    /** What the map does with the input. */
    public record Target(Runnable viewChanged, Runnable animationStarted, PointerHandler hover, Runnable exited,
                         ClickHandler click, Runnable drillUp, Runnable showAll) {
    }

    private double pressX;
    private double pressY;

    public MapInput(Region region, ViewAnimator animator, Target target) {
        region.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            region.requestFocus();
            pressX = e.getX();
            pressY = e.getY();
        });
        region.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            animator.panBy(e.getX() - pressX, e.getY() - pressY);
            pressX = e.getX();
            pressY = e.getY();
            target.exited().run();
            target.viewChanged().run();
        });
        region.addEventHandler(MouseEvent.MOUSE_MOVED, e -> target.hover().at(e.getX(), e.getY()));
        region.addEventHandler(MouseEvent.MOUSE_EXITED, e -> target.exited().run());
        region.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.isStillSincePress()) {
                target.click().click(e.getX(), e.getY(), e.getClickCount());
            }
        });
        region.addEventHandler(ScrollEvent.SCROLL, e -> {
            // touchpads send scroll events during a pinch too; those are handled as ZoomEvents
            if (e.getDeltaY() != 0 && e.getTouchCount() == 0) {
                animator.zoomBy(e.getDeltaY() * ZOOM_PER_WHEEL_UNIT, e.getX(), e.getY());
                target.animationStarted().run();
                e.consume();
            }
        });
        region.addEventHandler(ZoomEvent.ZOOM, e -> {
            animator.zoomNow(Math.log(e.getZoomFactor()) / Math.log(2), e.getX(), e.getY());
            target.viewChanged().run();
            e.consume();
        });
        region.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            double w = region.getWidth() / 2;
            double h = region.getHeight() / 2;
            switch (e.getCode()) {
                case LEFT -> animator.panBy(KEY_PAN_PX, 0);
                case RIGHT -> animator.panBy(-KEY_PAN_PX, 0);
                case UP -> animator.panBy(0, KEY_PAN_PX);
                case DOWN -> animator.panBy(0, -KEY_PAN_PX);
                case PLUS, EQUALS, ADD -> animator.zoomBy(1, w, h);
                case MINUS, SUBTRACT -> animator.zoomBy(-1, w, h);
                case BACK_SPACE, ESCAPE -> target.drillUp().run();
                case HOME -> target.showAll().run();
                default -> {
                    return;
                }
            }
            e.consume();
            target.viewChanged().run();
        });
    }
}
