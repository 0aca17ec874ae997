package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.Router;
import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every declared route × every role: a role the route admits never gets 401/403, any other gets 403, and
 * nobody without a token gets past 401.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class RoleMatrixTest {
    @Parameter
    String db;

    private static PlatformServer server;
    private static Api api;

    @BeforeParameterizedClassInvocation
    static void start(String db) {
        server = Platforms.start(db, null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        api = new Api(server.port());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.stop();
    }

    private static String concrete(String path) {
        return path.replace("{id}", "999999").replace("{kind}", "divisions");
    }

    private static int call(Router.Route route, String token) throws Exception {
        HttpRequest.Builder b = api.builder(concrete(route.path()), token).header("Accept", "text/event-stream");
        b = switch (route.method()) {
            case "GET" -> b.GET();
            case "POST" -> b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
            default -> b.method(route.method(), HttpRequest.BodyPublishers.noBody());
        };
        // SSE never ends: read only the status line.
        HttpResponse<InputStream> r = api.http().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
        return r.statusCode();
    }

    @Test
    void everyRouteAdmitsExactlyItsRoles() throws Exception {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            tokens.put(r, api.login(r.code()));
        }
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Router.Route route : server.routes()) {
            if (route.roles() == null) {
                continue; // public: health, login
            }
            int anonymous = call(route, null);
            if (anonymous != 401) {
                wrong.add(route + " without token → " + anonymous);
            }
            for (Role role : Role.values()) {
                // logout ends the session: use a throw-away one
                String token = route.path().endsWith("/logout") ? api.login(role.code()) : tokens.get(role);
                int status = call(route, token);
                boolean admitted = route.roles().contains(role);
                if (admitted && (status == 401 || status == 403)) {
                    wrong.add(route.method() + " " + route.path() + " as " + role + " → " + status + " (should be admitted)");
                } else if (!admitted && status != 403) {
                    wrong.add(route.method() + " " + route.path() + " as " + role + " → " + status + " (should be 403)");
                }
                checked++;
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThan(150);
    }
}
