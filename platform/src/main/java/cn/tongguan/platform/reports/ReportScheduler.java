package cn.tongguan.platform.reports;

import cn.tongguan.reports.model.ReportKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the reports nobody has to ask for: yesterday's 日统计 after midnight, last week's 周通报 on Monday, last
 * month's 月考核 on the 1st — each as soon as its period is complete and it has no report yet. {@link #runDue}
 * does one pass against the injected clock (tests call it directly); {@link #start} repeats it on an executor.
 */
public final class ReportScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ReportScheduler.class);
    static final String USER = "scheduler";

    private final ReportService service;
    private final Clock clock;
    private final java.util.function.BooleanSupplier leads;

    public ReportScheduler(ReportService service, Clock clock) {
        this(service, clock, () -> true);
    }

    /**
     * With {@code leads}: whether this platform instance runs the city's once-only jobs now (several instances on one
     * database: only the leader writes the reports, ADR 0101).
     */
    public ReportScheduler(ReportService service, Clock clock, java.util.function.BooleanSupplier leads) {
        this.service = service;
        this.clock = clock;
        this.leads = leads;
    }

    /** Generates every report that is due now and missing; returns the periods it wrote. */
    public List<ReportPeriod> runDue() {
        Instant now = clock.instant();
        List<ReportPeriod> written = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            ReportPeriod p = ReportPeriod.lastComplete(kind, now);
            if (!service.exists(p)) {
                try {
                    service.generate(USER, p, now);
                    written.add(p);
                } catch (RuntimeException e) {
                    // one failed report must not stop the others, nor the schedule; the next pass retries it
                    LOG.error("Scheduled report {} {} failed", kind.code(), p.code(), e);
                }
            }
        }
        return written;
    }

    public void start(ScheduledExecutorService executor, long periodMinutes) {
        executor.scheduleWithFixedDelay(() -> {
            if (leads.getAsBoolean()) {
                runDue();
            }
        }, 1, periodMinutes, TimeUnit.MINUTES);
    }
}
