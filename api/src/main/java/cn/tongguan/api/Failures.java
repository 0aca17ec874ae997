package cn.tongguan.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * Which caught failure is a bug, for the console and the platform alike: a bug is logged with its stack trace, an
 * outage — I/O (a refused connection, a timeout, the platform's 5xx or refusal, which the console reads as
 * {@code IOException}s), a database or a file that fails — stays one line. Used as the last SLF4J argument, which
 * SLF4J prints as the exception when it is one and ignores when it is null:
 * {@code LOG.warn("Heat not read: {}", e.toString(), Failures.bug(e))}.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * {@code failure} when it is a programming error (an unchecked exception or error not caused by an outage),
     * else null. A checked exception is an expected failure of its call, never a bug here.
     */
    public static Throwable bug(Throwable failure) {
        if (!(failure instanceof RuntimeException || failure instanceof Error)) {
            return null;
        }
        int depth = 0;
        for (Throwable c = failure; c != null && depth < 32; c = c.getCause(), depth++) {
            if (c instanceof IOException || c instanceof UncheckedIOException || c instanceof SQLException) {
                return null;
            }
        }
        return failure;
    }
}
