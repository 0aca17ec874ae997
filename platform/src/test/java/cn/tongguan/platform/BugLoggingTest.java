package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.tongguan.api.Failures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logging idiom of the console and the platform, {@code LOG.warn("…: {}", e.toString(), Failures.bug(e))}, on
 * the real SLF4J and Logback: a bug keeps its stack trace, an outage stays the one line it was.
 */
class BugLoggingTest {
    private final ch.qos.logback.classic.Logger logback =
            (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(BugLoggingTest.class.getName() + ".seen");
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();
    private final Logger log = logback;

    BugLoggingTest() {
        seen.start();
        logback.addAppender(seen);
    }

    @AfterEach
    void detach() {
        logback.detachAppender(seen);
    }

    @Test
    void anOutageStaysOneLine() {
        Exception refused = new ConnectException("Connection refused");
        RuntimeException disk = new UncheckedIOException(new IOException("No space left on device"));
        log.warn("Heat per grid not read: {}", refused.toString(), Failures.bug(refused));
        log.warn("Map layer {} not refreshed: {}", "rail", disk.toString(), Failures.bug(disk));
        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Heat per grid not read: java.net.ConnectException: Connection refused",
                "Map layer rail not refreshed: " + disk);
        assertThat(seen.list).allMatch(e -> e.getThrowableProxy() == null);
    }

    @Test
    void aBugKeepsItsStackTrace() {
        RuntimeException bug = new NullPointerException("row");
        log.warn("Heat per grid not read: {}", bug.toString(), Failures.bug(bug));
        log.warn("Map layer {} not refreshed: {}", "rail", bug.toString(), Failures.bug(bug));
        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Heat per grid not read: java.lang.NullPointerException: row",
                "Map layer rail not refreshed: java.lang.NullPointerException: row");
        assertThat(seen.list).allSatisfy(e -> {
            assertThat(e.getThrowableProxy().getClassName()).isEqualTo("java.lang.NullPointerException");
            assertThat(e.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
    }
}
