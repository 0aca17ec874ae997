package cn.tongguan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void aProgrammingErrorIsABug() {
        NullPointerException npe = new NullPointerException("view");
        assertThat(Failures.bug(npe)).isSameAs(npe);
        IllegalStateException wrapped = new IllegalStateException("bad state", new IllegalArgumentException("x"));
        assertThat(Failures.bug(wrapped)).isSameAs(wrapped);
        AssertionError assertion = new AssertionError("FX thread");
        assertThat(Failures.bug(assertion)).isSameAs(assertion);
    }

    @Test
    void anOutageIsNoBugEvenWhenWrappedUnchecked() {
        assertThat(Failures.bug(new ConnectException("Connection refused"))).isNull();
        assertThat(Failures.bug(new UncheckedIOException(new IOException("disk full")))).isNull();
        assertThat(Failures.bug(new IllegalStateException("cache", new SQLException("locked")))).isNull();
        assertThat(Failures.bug(new RuntimeException(new RuntimeException(new IOException("HTTP 503"))))).isNull();
    }

    @Test
    void aCheckedFailureOfItsCallIsNoBug() {
        assertThat(Failures.bug(new TimeoutException())).isNull();
        assertThat(Failures.bug(null)).isNull();
    }
}
