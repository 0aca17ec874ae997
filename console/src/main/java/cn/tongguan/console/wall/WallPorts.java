package cn.tongguan.console.wall;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import cn.tongguan.video.Camera;
import cn.tongguan.video.Tour;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the wall's presenter ({@link WallPresenter}) works through, so that its event handling runs and is tested
 * without the toolkit, the network or the disk: the composition root hands in the real ones (the platform's feed, the
 * wall's memory, the map view, the video wall), a test its own.
 */
public final class WallPorts {
    private WallPorts() {
    }

    /** What the wall reads from the platform (blocking: on the event thread or the background pool). */
    public interface Feed extends SensorTrendViewModel.History, PushedViewModel.CaseReader {
        /** Today's KPI aggregates. */
        Stats.Report today() throws IOException;

        List<Reference.Sensor> sensors() throws IOException;

        List<Lifeline.Alarm> activeAlarms() throws IOException;

        /** The latest open cases (the queue panel's). */
        List<Cases.Case> recentCases() throws IOException;

        /** Every open case, streamed into {@code sink}; returns the event id the snapshot reflects. */
        long openCases(Consumer<Cases.Case> sink) throws IOException;

        List<Reference.Camera> cameras() throws IOException;
    }

    /**
     * The wall's memory between runs (blocking, never on the FX thread); every method is a no-op while it is not
     * open, so a wall whose disk fails still runs.
     */
    public interface Memory {
        void loaded(List<Reference.Sensor> sensors, List<Lifeline.Alarm> active, List<Cases.Case> recent);

        void openCases(Collection<Cases.Case> open);

        void today(Stats.Report today);

        void cameras(List<Reference.Camera> cameras);

        /** Whether a live wall should save what it shows again. */
        boolean dueForSave();
    }

    /** The wall's map (FX thread): the open cases by their light, the cameras, where it looks. */
    public interface CityMap {
        /** The snapshot of a (re)connection: the map holds exactly these open cases. */
        void openCases(Collection<Cases.Case> snapshot);

        /** A case event: put on, moved, recoloured or (finished) taken off. */
        void caseChanged(Cases.Case c);

        /** Lights counted down on the clock. */
        void relight();

        /** A copy of the open cases shown. */
        List<Cases.Case> openCases();

        /** The platform's cameras as marks. */
        void cameras(List<Reference.Camera> cameras);

        void flyTo(double lng, double lat, double zoom);
    }

    /** The video wall's tiles (FX thread); the methods of {@code cn.tongguan.video.VideoWall} the wall uses. */
    public interface Video {
        void setLayout(cn.tongguan.video.WallLayout layout);

        void startTour(Tour tour);

        void setCatalog(List<Camera> cameras);

        void play(int tile, Camera camera);
    }
}
