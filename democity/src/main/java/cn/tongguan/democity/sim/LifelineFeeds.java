package cn.tongguan.democity.sim;

import cn.tongguan.api.Events;
import cn.tongguan.api.Reference;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo city's lifeline sensors as a real network reports (domain.md §5): water gauges every 10 minutes, every
 * minute while the water is up; smart covers a heartbeat 4 times a day with their battery now and then, and an
 * incident (tilted, displaced, overflowing) now and then that recovers after a while. All in simulated time.
 * The platform judges the readings; the simulator never raises an alarm itself.
 */
final class LifelineFeeds {
    static final double GAUGE_MINUTES = 10;
    static final double GAUGE_ALARM_MINUTES = 1;
    /** Below this depth a gauge is in its normal rhythm. */
    static final double GAUGE_WET_CM = 5;
    static final double COVER_HEARTBEAT_HOURS = 6;
    static final double INCIDENTS_PER_HOUR = 0.5;
    /** A tick posts at most this many cover messages; the rest wait for the next tick (a city of 3,000 covers). */
    static final int COVER_POSTS_PER_TICK = 120;

    private record Incident(String quantity, double endsAt) {
    }

    private final PlatformApi admin;
    private final Clock clock;
    private final Weather weather;
    private final SplittableRandom random;
    private final List<Reference.Sensor> gauges;
    private final List<Reference.Sensor> covers;
    private final double[] gaugeDue;
    private final double[] coverDue;
    private final double[] battery;
    private final Map<Integer, Incident> incidents = new HashMap<>();
    private double incidentBacklog;

    LifelineFeeds(PlatformApi admin, Weather weather, SplittableRandom random, List<Reference.Sensor> gauges,
                  List<Reference.Sensor> covers, Clock clock) {
        this.admin = admin;
        this.clock = clock;
        this.weather = weather;
        this.random = random;
        this.gauges = gauges;
        this.covers = covers;
        this.gaugeDue = new double[gauges.size()];
        this.coverDue = new double[covers.size()];
        this.battery = new double[covers.size()];
        for (int i = 0; i < covers.size(); i++) {
            // Spread the heartbeats over the interval; a few covers run on old batteries (LOW_BATTERY alarms).
            coverDue[i] = random.nextDouble() * COVER_HEARTBEAT_HOURS;
            battery[i] = i % 400 == 7 ? 12 + random.nextDouble() * 6 : 40 + random.nextDouble() * 60;
        }
    }

    /** Advances to {@code now} (simulated hours since the start), {@code hours} after the previous tick. */
    int tick(double now, double hours) throws IOException {
        int posts = gauges(now) + covers(now);
        return posts + incidents(now, hours);
    }

    private int gauges(double now) throws IOException {
        int posts = 0;
        for (int i = 0; i < gauges.size(); i++) {
            if (now < gaugeDue[i]) {
                continue;
            }
            double factor = 0.5 + (i % 7) / 6.0;
            double depth = weather.depthCm(now % 12, factor) + random.nextDouble() * 0.5;
            admin.reading(new Events.SensorReading(gauges.get(i).id(), Math.round(depth * 10) / 10.0, clock.instant()));
            gaugeDue[i] = now + (depth >= GAUGE_WET_CM ? GAUGE_ALARM_MINUTES : GAUGE_MINUTES) / 60;
            posts++;
        }
        return posts;
    }

    private int covers(double now) throws IOException {
        int posts = 0;
        for (int i = 0; i < covers.size() && posts < COVER_POSTS_PER_TICK; i++) {
            if (now < coverDue[i]) {
                continue;
            }
            String id = covers.get(i).id();
            admin.reading(new Events.SensorReading(id, 1.0, clock.instant(), "heartbeat"));
            posts++;
            if (random.nextDouble() < 0.25) {
                battery[i] = Math.max(1, battery[i] - 0.05);
                admin.reading(new Events.SensorReading(id, Math.round(battery[i] * 10) / 10.0, clock.instant(), "battery"));
                posts++;
            }
            coverDue[i] = now + COVER_HEARTBEAT_HOURS * (0.9 + random.nextDouble() * 0.2);
        }
        return posts;
    }

    /** New incidents at the city's rate (overflow likelier in a storm), and the end of those whose time is up. */
    private int incidents(double now, double hours) throws IOException {
        int posts = 0;
        for (var it = incidents.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (now >= e.getValue().endsAt()) {
                admin.reading(new Events.SensorReading(covers.get(e.getKey()).id(), 0.0, clock.instant(), e.getValue().quantity()));
                it.remove();
                posts++;
            }
        }
        if (covers.isEmpty()) {
            return posts;
        }
        incidentBacklog += INCIDENTS_PER_HOUR * hours * (weather == Weather.RAINSTORM ? 3 : 1);
        while (incidentBacklog >= 1) {
            incidentBacklog--;
            int i = random.nextInt(covers.size());
            if (incidents.containsKey(i)) {
                continue;
            }
            double r = random.nextDouble();
            double overflowShare = weather == Weather.RAINSTORM ? 0.6 : 0.2;
            String quantity = r < overflowShare ? "overflow" : r < overflowShare + (1 - overflowShare) / 2 ? "tilt" : "displacement";
            double value = switch (quantity) {
                case "overflow" -> 55 + random.nextDouble() * 40;
                case "tilt" -> 20 + random.nextDouble() * 75;
                default -> 12 + random.nextDouble() * 50;
            };
            admin.reading(new Events.SensorReading(covers.get(i).id(), Math.round(value * 10) / 10.0, clock.instant(), quantity));
            incidents.put(i, new Incident(quantity, now + (10 + random.nextDouble() * 30) / 60));
            posts++;
        }
        return posts;
    }
}
