package cn.tongguan.console.citymap;

import cn.tongguan.api.Failures;
import cn.tongguan.api.Geo;
import cn.tongguan.console.sync.GeoClient;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heat layer's figures (issue 15): cases reported per grid in a period (今日, 本周, 本月, 近30天 in the city's
 * time, Asia/Shanghai) and optionally of one big class, read from {@code /api/v1/geo/heat}; and the class breaks
 * the choropleth draws them with. No toolkit needed.
 */
public final class CityHeat {
    private static final Logger LOG = LoggerFactory.getLogger(CityHeat.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public enum Period { TODAY, WEEK, MONTH, LAST_30_DAYS }

    /** Counts per grid code for one period and class ({@code bigCode} null: every class). */
    public record Counts(Period period, String bigCode, Map<String, Long> perGrid, long total) {
        public Counts {
            perGrid = Map.copyOf(perGrid);
        }

        public long of(String gridCode) {
            return perGrid.getOrDefault(gridCode, 0L);
        }

        public long max() {
            return perGrid.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    private final GeoClient client;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Counts> counts = new ReadOnlyObjectWrapper<>(this, "counts");
    private final AtomicLong asked = new AtomicLong();

    public CityHeat(GeoClient client, Executor background, Executor ui, Clock clock) {
        this.client = client;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    /** {@code [from, to)} of a period ending now: today from midnight, this week from Monday, this month from the 1st. */
    static Instant[] range(Period period, Clock clock) {
        Instant now = clock.instant();
        ZonedDateTime here = now.atZone(ZONE);
        LocalDate today = here.toLocalDate();
        Instant from = switch (period) {
            case TODAY -> today.atStartOfDay(ZONE).toInstant();
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZONE).toInstant();
            case MONTH -> today.withDayOfMonth(1).atStartOfDay(ZONE).toInstant();
            case LAST_30_DAYS -> now.minus(Duration.ofDays(30));
        };
        // The route wants from < to: a period asked at its very first millisecond still spans one.
        return new Instant[] {from, now.isAfter(from) ? now : from.plusMillis(1)};
    }

    /** Reads the counts in the background; a later call wins over one still running. */
    public void load(Period period, String bigCode) {
        if (client == null) {
            return;
        }
        long ask = asked.incrementAndGet();
        Instant[] r = range(period, clock);
        background.execute(() -> {
            try {
                Geo.Heat heat = client.heat(r[0], r[1], bigCode);
                Map<String, Long> per = new HashMap<>();
                heat.grids().forEach(g -> per.put(g.gridCode(), g.count()));
                Counts c = new Counts(period, bigCode, per, heat.total());
                ui.execute(() -> {
                    if (ask == asked.get()) {
                        counts.set(c);
                    }
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("Heat per grid not read: {}", e.toString(), Failures.bug(e));
            }
        });
    }

    /**
     * Four class breaks for counts up to {@code max}: from 1 case, then a quarter, half and three quarters of the way
     * to the maximum, so that the busiest grids are in the top class whatever the period's scale; whole numbers
     * once they can ascend strictly (max ≥ 8), else halves and quarters. A grid without a case stays unfilled.
     */
    static double[] breaks(long max) {
        if (max <= 1) {
            return new double[] {0.25, 0.5, 0.75, 1};
        }
        double span = max - 1;
        if (max < 8) {
            return new double[] {1, 1 + span / 4, 1 + span / 2, 1 + span * 3 / 4};
        }
        return new double[] {1, 1 + Math.ceil(span / 4), 1 + Math.ceil(span / 2), 1 + Math.ceil(span * 3 / 4)};
    }

    public ReadOnlyObjectProperty<Counts> countsProperty() {
        return counts.getReadOnlyProperty();
    }
}
