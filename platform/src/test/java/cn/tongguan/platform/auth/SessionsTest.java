package cn.tongguan.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Access and refresh tokens over HTTP on H2 and PostgreSQL: lifetimes from the policy, only hashes stored, rotation
 * (each refresh token once, a replay ends the sign-in), logout ending both, and the 401 codes a console acts on.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class SessionsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");
    @Parameter
    String db;

    private MutableClock clock;
    private String url;
    private Api api;
    private IdentityPlatforms.Running platform;

    @BeforeEach
    void start() {
        platform = IdentityPlatforms.running(db);
        clock = platform.clock();
        url = platform.url();
        api = platform.api();
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    private Api.Resp login(String user, String password) {
        return platform.login(user, password);
    }

    private Api.Resp refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", refreshToken), null);
    }

    private static void assertError(Api.Resp r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.body().get("code").asText()).isEqualTo(code);
    }

    @Test
    void accessTokensAreShortAndRefreshTokensLastAShift() {
        JsonNode pair = login("operator", "tongguan").body();
        assertThat(Instant.parse(pair.get("expiresAt").asText())).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(Instant.parse(pair.get("refreshExpiresAt").asText())).isEqualTo(T0.plus(Duration.ofHours(12)));
        String access = pair.get("token").asText();

        clock.advance(Duration.ofMinutes(31));
        assertError(api.get("/api/v1/me", access), 401, "token_expired");
        Api.Resp renewed = refresh(pair.get("refreshToken").asText());
        assertThat(renewed.status()).as(renewed.text()).isEqualTo(200);
        assertThat(renewed.body().get("token").asText()).isNotEqualTo(access);
        assertThat(renewed.body().get("refreshToken").asText()).isNotEqualTo(pair.get("refreshToken").asText());
        assertThat(renewed.body().get("user").get("username").asText()).isEqualTo("operator");
        // Rotation never extends the sign-in past its shift.
        assertThat(renewed.body().get("refreshExpiresAt").asText()).isEqualTo(pair.get("refreshExpiresAt").asText());
        assertThat(api.get("/api/v1/me", renewed.body().get("token").asText()).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(12));
        assertError(refresh(renewed.body().get("refreshToken").asText()), 401, "session_expired");
    }

    @Test
    void aReplayedRefreshTokenEndsTheWholeSignIn() {
        JsonNode first = login("dispatcher", "tongguan").body();
        JsonNode second = refresh(first.get("refreshToken").asText()).body();
        String access = second.get("token").asText();
        assertThat(api.get("/api/v1/me", access).status()).isEqualTo(200);

        // The first refresh token again: someone else holds a copy. Both holders must sign in again.
        assertError(refresh(first.get("refreshToken").asText()), 401, "session_expired");
        assertError(api.get("/api/v1/me", access), 401, "unauthorized");
        assertError(api.get("/api/v1/me", first.get("token").asText()), 401, "unauthorized");
        assertError(refresh(second.get("refreshToken").asText()), 401, "session_expired");
        assertError(refresh("no-such-token"), 401, "session_expired");
    }

    @Test
    void logoutEndsTheAccessAndTheRefreshToken() {
        JsonNode pair = login("leader", "tongguan").body();
        String other = login("leader", "tongguan").body().get("token").asText();
        assertThat(api.send("POST", "/api/v1/auth/logout", pair.get("token").asText()).status()).isEqualTo(200);
        assertError(api.get("/api/v1/me", pair.get("token").asText()), 401, "unauthorized");
        assertError(refresh(pair.get("refreshToken").asText()), 401, "session_expired");
        // Another sign-in of the same user (another seat) is its own session and goes on.
        assertThat(api.get("/api/v1/me", other).status()).isEqualTo(200);
    }

    @Test
    void aLogoutWhileTheSameTokenIsInUseLeavesItRefused() throws Exception {
        // A seat's event stream and its outbox go on using the token while it is signed out elsewhere: no request
        // that read the session before the logout may put it back into the platform's token cache.
        for (int round = 0; round < 5; round++) {
            String token = login("operator", "tongguan").body().get("token").asText();
            java.util.concurrent.atomic.AtomicBoolean going = new java.util.concurrent.atomic.AtomicBoolean(true);
            List<Thread> users = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    while (going.get()) {
                        api.get("/api/v1/me", token);
                    }
                });
                t.start();
                users.add(t);
            }
            Thread.sleep(100);
            assertThat(api.send("POST", "/api/v1/auth/logout", token).status()).isEqualTo(200);
            Thread.sleep(100);
            going.set(false);
            for (Thread t : users) {
                t.join();
            }
            assertError(api.get("/api/v1/me", token), 401, "unauthorized");
        }
    }

    @Test
    void theDatabaseHoldsOnlyHashesOfTokens() throws Exception {
        JsonNode pair = login("inspector", "tongguan").body();
        JsonNode renewed = refresh(pair.get("refreshToken").asText()).body();
        List<String> stored = new ArrayList<>();
        try (Connection c = IdentityPlatforms.jdbc(url); Statement s = c.createStatement()) {
            for (String sql : List.of("SELECT token_hash FROM sessions", "SELECT token_hash FROM refresh_tokens")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
            }
        }
        List<String> tokens = List.of(pair.get("token").asText(), pair.get("refreshToken").asText(),
                renewed.get("token").asText(), renewed.get("refreshToken").asText());
        assertThat(stored).doesNotContainAnyElementsOf(tokens);
        assertThat(stored).containsAll(tokens.stream().map(Sessions::sha256).toList());
    }
}
