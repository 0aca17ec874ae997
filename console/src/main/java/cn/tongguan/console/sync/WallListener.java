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
