package cn.tongguan.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongguan.api.testing.TestClocks;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform serving HTTPS only on a keystore made by {@code keytool} (as {@code ./dev demo} makes it), and the
 * console's client: trusting the city's certificate (PEM or PKCS#12) it signs in; trusting only the JDK's
 * authorities it is refused with an {@link TrustedCertificates.UntrustedPlatformException} that says so; plain HTTP
 * gets no answer.
 */
class TrustedCertificatesTest {
    private static final String PASSWORD = "changeit-demo";
    @TempDir
    static Path dir;
    private static PlatformServer server;
    private static Path keystore;
    private static Path pem;

    static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @BeforeAll
    static void start() throws Exception {
        keystore = dir.resolve("platform-tls.p12");
        pem = dir.resolve("platform-tls.pem");
        keytool("-genkeypair", "-alias", "tongguan", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                "-dname", "CN=Tongguan demo platform", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "tongguan", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        PlatformConfig cfg = new PlatformConfig("127.0.0.1", 0).withTls(new PlatformConfig.Tls(keystore, PASSWORD));
        server = new PlatformServer(cfg, TestClocks.suite());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Response get(OkHttpClient http, String url) throws IOException {
        return http.newCall(new Request.Builder().url(url).build()).execute();
    }

    private static String https(String path) {
        return "https://127.0.0.1:" + server.port() + path;
    }

    @Test
    void aClientTrustingTheCitysCertificateSignsInOverTls() throws Exception {
        OkHttpClient http = TrustedCertificates.apply(new OkHttpClient.Builder(), pem, null).build();
        try (Response r = get(http, https("/api/v1/health"))) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.handshake()).isNotNull();
            assertThat(r.handshake().tlsVersion().javaName()).isIn("TLSv1.3", "TLSv1.2");
        }
        RequestBody body = RequestBody.create("{\"username\":\"operator\",\"password\":\"tongguan\"}",
                MediaType.get("application/json"));
        try (Response r = http.newCall(new Request.Builder().url(https("/api/v1/auth/login")).post(body).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains("refreshToken");
        }
        OkHttpClient fromP12 = TrustedCertificates.apply(new OkHttpClient.Builder(), keystore, PASSWORD).build();
        try (Response r = get(fromP12, https("/api/v1/health"))) {
            assertThat(r.code()).isEqualTo(200);
        }
    }

    @Test
    void aClientTrustingOnlyTheJdkAuthoritiesIsRefusedWithAClearReason() {
        OkHttpClient http = TrustedCertificates.apply(new OkHttpClient.Builder(), null, null).build();
        assertThatThrownBy(() -> get(http, https("/api/v1/health")).close())
                .isInstanceOf(TrustedCertificates.UntrustedPlatformException.class)
                .hasMessageContaining("certificate is not trusted").hasMessageContaining("--trust-store");
        // The sign-in screen names this fault in its own words (login.error.untrusted), not as "cannot connect".
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> get(http, https("/api/v1/health")).close());
        org.assertj.core.api.Assertions.assertThat(cn.tongguan.console.sync.Fault.of(refused))
                .isEqualTo(cn.tongguan.console.sync.Fault.UNTRUSTED);
    }

    @Test
    void plainHttpIsNotServed() {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(java.time.Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> {
            try (Response r = get(http, "http://127.0.0.1:" + server.port() + "/api/v1/health")) {
                // Jetty answers a plain request on a TLS port with a 400 of its own, never the API.
                assertThat(r.code()).isNotEqualTo(200);
                throw new IOException("refused with " + r.code());
            }
        }).isInstanceOf(IOException.class);
    }
}
