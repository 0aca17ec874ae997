package cn.tongguan.platform.evaluation;

import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.Router;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/** {@code GET /api/v1/stats}: the figures per department, district or street, for the last month unless asked. */
public final class StatsRoutes {
    private final StatsService stats;
    private final Clock clock;

    public StatsRoutes(StatsService stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    public void register(Router r) {
        r.get("/api/v1/stats", Role.STATS, c -> {
            String groupBy = c.queryEnum("groupBy", List.of("department", "district", "street"));
            groupBy = groupBy == null ? "district" : groupBy;
            Instant to = c.queryInstant("to") == null ? clock.instant() : c.queryInstant("to");
            Instant from = c.queryInstant("from") == null ? ZonedDateTime.ofInstant(to, Periods.ZONE).minusMonths(1).toInstant()
                    : c.queryInstant("from");
            return stats.report(groupBy, from, to);
        });
    }
}
