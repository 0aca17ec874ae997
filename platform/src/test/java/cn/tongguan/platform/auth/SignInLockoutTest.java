package cn.tongguan.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Api;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failed sign-ins lock a user name (5 in 15 min) or a client address (20) for 15 min, on an injected clock: 429
 * {@code too_many_attempts} with {@code Retry-After}, the right password refused too; unknown names are locked alike.
 * And the password rules and hashes: the policy on account creation, Argon2id stored, old PBKDF2 upgraded.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class SignInLockoutTest {
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

    @Test
    void fiveFailuresLockTheNameForFifteenMinutesEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("operator", "wrong-" + i).status()).isEqualTo(401);
        }
        Api.Resp locked = login("operator", "tongguan");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body().get("code").asText()).isEqualTo("too_many_attempts");
        assertThat(locked.raw().headers().firstValue("Retry-After")).hasValue("900");
        assertThat(locked.body().get("message").asText()).contains("15");

        clock.advance(Duration.ofMinutes(10));
        assertThat(login("operator", "tongguan").raw().headers().firstValue("Retry-After")).hasValue("300");
        // Other names from the same address are not locked by one name's failures.
        assertThat(login("dispatcher", "tongguan").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(5));
        assertThat(login("operator", "tongguan").status()).isEqualTo(200);
    }

    @Test
    void failuresOutsideTheWindowDoNotCountAndAGoodSignInClearsThem() {
        for (int i = 0; i < 4; i++) {
            login("leader", "wrong");
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            login("leader", "wrong");
        }
        assertThat(login("leader", "tongguan").status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            login("leader", "wrong");
        }
        assertThat(login("leader", "tongguan").status()).isEqualTo(200);
    }

    @Test
    void unknownNamesAreLockedLikeKnownOnesAndAnAddressIsLockedAfterTwenty() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("nobody", "x").status()).isEqualTo(401);
        }
        assertThat(login("nobody", "x").status()).isEqualTo(429);
        // 15 more failures under other names from this address (20 in all) lock the address for every name.
        for (int i = 0; i < 15; i++) {
            assertThat(login("guess" + i, "x").status()).isEqualTo(401);
        }
        Api.Resp r = login("wall", "tongguan");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.raw().headers().firstValue("Retry-After")).hasValue("900");
        clock.advance(Duration.ofMinutes(15));
        assertThat(login("wall", "tongguan").status()).isEqualTo(200);
    }

    @Test
    void newAccountsNeedAPasswordThePolicyAccepts() throws Exception {
        String admin = api.login("admin");
        Map<String, String> weak = Map.of("Short1!", "too_short", "abcdefghijkl", "too_simple",
                "Zhangwei-2026", "contains_username", "P@ssword1", "too_short", "Password123", "too_common");
        for (Map.Entry<String, String> w : weak.entrySet()) {
            Api.Resp r = api.post("/api/v1/users", admin, Map.of("username", "zhangwei", "role", "operator",
                    "password", w.getKey()), null);
            assertThat(r.status()).as(w.getKey()).isEqualTo(400);
            assertThat(r.body().get("details").get("field").asText()).isEqualTo("password");
            assertThat(r.body().get("details").get("reason").asText()).as(w.getKey()).isEqualTo(w.getValue());
        }
        Api.Resp ok = api.post("/api/v1/users", admin, Map.of("username", "zhangwei", "role", "operator",
                "password", "Hall-Seat-7-Night"), null);
        assertThat(ok.status()).as(ok.text()).isEqualTo(201);
        assertThat(login("zhangwei", "Hall-Seat-7-Night").status()).isEqualTo(200);
        assertThat(storedHash("zhangwei")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void anOldPbkdf2HashStillSignsInAndIsUpgradedToArgon2id() throws Exception {
        String old = Passwords.pbkdf2Hash("Old-Account-42", new byte[16], 60_000);
        try (Connection c = IdentityPlatforms.jdbc(url); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO users (username, display_name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, TRUE, 0)")) {
            ps.setString(1, "veteran");
            ps.setString(2, "老受理员");
            ps.setString(3, "operator");
            ps.setString(4, old);
            ps.executeUpdate();
        }
        assertThat(login("veteran", "Old-Account-4").status()).isEqualTo(401);
        assertThat(storedHash("veteran")).isEqualTo(old);
        assertThat(login("veteran", "Old-Account-42").status()).isEqualTo(200);
        assertThat(storedHash("veteran")).startsWith("$argon2id$");
        assertThat(login("veteran", "Old-Account-42").status()).isEqualTo(200);
    }

    private String storedHash(String user) throws Exception {
        try (Connection c = IdentityPlatforms.jdbc(url);
             PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
