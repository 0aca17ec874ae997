package cn.tongguan.console.sync;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Events;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import java.util.List;

/**
 * What the display wall hears from the platform, already parsed into the wire records. Called on the event
 * threads (never the FX thread): the wall's composition hops to the FX thread itself.
 */
public interface WallListener {
    /**
     * First on each (re)connection, before {@link #loaded}: read the snapshot the wall starts from and return the
     * event id it reflects, so the stream resumes after exactly that id (-1: from now, when there is none). Events
     * between the snapshot and the stream's opening are then replayed instead of lost; those already in the state
     * read after it come twice, and every handler below takes the newer one.
     */
    default long snapshot() throws java.io.IOException {
        return -1;
    }

    /** The state to start from, read after each (re)connection: sensors, active alarms, latest open cases. */
    default void loaded(List<Reference.Sensor> sensors, List<Lifeline.Alarm> activeAlarms, List<Cases.Case> recent) {
    }

    /** {@code case.created} / {@code case.transitioned}. */
    default void caseChanged(Cases.Case item) {
    }

    /** {@code alarm.raised} / {@code alarm.acknowledged} / {@code alarm.cleared}. */
    default void alarm(String type, Lifeline.Alarm alarm) {
    }

    default void sensorStatus(Lifeline.SensorStatus status) {
    }

    default void reading(Events.SensorReading reading) {
    }

    default void pushed(Lifeline.WallPush push) {
    }

    /** The event stream is open ({@code true}) or lost ({@code false}). */
    default void live(boolean live) {
    }
}
