package cn.tongguan.console.window;

import java.io.IOException;
import java.util.List;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a console window where {@link WindowFit} says and remembers where it was when it closes. The only
 * JavaFX part of window placement: reading the monitors and the stage's bounds.
 *
 * <p>Maximising is asked of the window manager and, in the same step, done by hand (bounds = the monitor's
 * usable area): without a window manager (a kiosk session, the test X server) {@code setMaximized} changes
 * nothing on screen, and with one the manager takes over. FX thread only.
 */
public final class StagePlacement {
    private static final Logger LOG = LoggerFactory.getLogger(StagePlacement.class);

    private final WindowStateStore store;

    public StagePlacement(WindowStateStore store) {
        this.store = store;
    }

    /** Before {@code stage.show()}: places {@code stage} and saves its state under {@code name} when it is hidden. */
    public void manage(Stage stage, String name) {
        List<Monitor> monitors = monitors();
        WindowFit.Placement placement = WindowFit.place(store.read(name), monitors);
        Area at = placement.bounds();
        stage.setX(at.x());
        stage.setY(at.y());
        stage.setWidth(at.width());
        stage.setHeight(at.height());
        stage.setMaximized(placement.maximized());
        // The bounds to come back to when un-maximised: the last ones seen while not maximised.
        Area[] normal = {placement.maximized() ? smaller(at) : at};
        Runnable track = () -> {
            if (!stage.isMaximized() && stage.getWidth() > 0 && stage.getHeight() > 0) {
                normal[0] = bounds(stage);
            }
        };
        stage.xProperty().addListener((obs, old, now) -> track.run());
        stage.yProperty().addListener((obs, old, now) -> track.run());
        stage.widthProperty().addListener((obs, old, now) -> track.run());
        stage.heightProperty().addListener((obs, old, now) -> track.run());
        stage.setOnHidden(e -> save(name, stage, normal[0]));
    }

    private void save(String name, Stage stage, Area normal) {
        Area now = bounds(stage);
        WindowFit.monitorOf(now, monitors()).ifPresent(monitor -> {
            try {
                store.write(name, new WindowState(normal, stage.isMaximized(), monitor.bounds()));
            } catch (IOException e) {
                // Only the next opening's place is lost: it opens maximised, as on the first run.
                LOG.warn("Window state of {} not saved: {}", name, e.toString());
            }
        });
    }

    /** The monitors present now (FX thread). */
    public static List<Monitor> monitors() {
        Screen primary = Screen.getPrimary();
        return Screen.getScreens().stream().map(s -> new Monitor(area(s.getBounds()), area(s.getVisualBounds()),
                s.equals(primary))).toList();
    }

    private static Area bounds(Stage stage) {
        return new Area(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    private static Area area(javafx.geometry.Rectangle2D r) {
        return new Area(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }

    /** A first run's normal size: three quarters of the monitor, centred. */
    private static Area smaller(Area usable) {
        double w = Math.round(usable.width() * 0.75);
        double h = Math.round(usable.height() * 0.75);
        return new Area(usable.x() + (usable.width() - w) / 2, usable.y() + (usable.height() - h) / 2, w, h);
    }
}
