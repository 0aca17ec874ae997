package cn.tongguan.api;

import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /api/v1/health}: whether the platform is up ({@code UP}, or {@code DOWN} with a 503), its
 * version, its clock and what was checked (database, disk space, migrations, background jobs). {@code checks} is
 * absent from older platforms; readers must tolerate that.
 */
public record Health(String status, String version, Instant time, List<Check> checks) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    /** As older platforms answered: no checks. */
    public Health(String status, String version, Instant time) {
        this(status, version, time, null);
    }

    /** One check: its name, UP or DOWN, and a short reason a person can act on (never a stack trace). */
    public record Check(String name, String status, String detail) {
    }
}
