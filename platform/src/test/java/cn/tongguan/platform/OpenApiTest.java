package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.Router;
import cn.tongguan.platform.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document in {@code api/} and the real server agree both ways: every documented operation is a
 * route (and answers something other than 404 on the live server), every route is documented, and the roles in
 * {@code x-roles} are the roles the route admits.
 */
class OpenApiTest {
    private static PlatformServer server;

    @BeforeAll
    static void start() {
        server = new PlatformServer(new PlatformConfig("127.0.0.1", 0), cn.tongguan.api.testing.TestClocks.suite());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/openapi.yaml")) {
            assertThat(in).as("openapi.yaml on the class path (module api)").isNotNull();
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /** "GET /api/v1/cases/{id}" → roles ("public" for no login). */
    private static Map<String, Set<String>> documented() throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        JsonNode paths = document().get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode roles = op.getValue().get("x-roles");
                Set<String> set = new TreeSet<>();
                if (roles != null && roles.isArray()) {
                    roles.forEach(r -> set.add(r.asText()));
                } else {
                    set.add("public");
                }
                out.put(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey(), set);
            }
        }
        return out;
    }

    private static Map<String, Set<String>> served() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Router.Route r : server.routes()) {
            Set<String> roles = r.roles() == null ? Set.of("public")
                    : r.roles().stream().map(Role::code).collect(Collectors.toCollection(TreeSet::new));
            out.put(r.method() + " " + r.path(), roles);
        }
        return out;
    }

    @Test
    void documentAndRoutesAgreeBothWaysIncludingRoles() throws Exception {
        assertThat(documented()).isEqualTo(served());
    }

    @Test
    void everyDocumentedPathExistsOnTheLiveServer() throws Exception {
        Api api = new Api(server.port());
        for (String op : documented().keySet()) {
            String[] mp = op.split(" ");
            String path = mp[1].replace("{id}", "1").replace("{kind}", "parts");
            if (path.endsWith("/events")) {
                continue; // SSE: covered by the role matrix and EventsTest
            }
            Api.Resp r = api.send(mp[0], path, null);
            // Without a token a real route answers 401 (or 200 if public); an unknown one answers 404.
            assertThat(r.status()).as(op).isNotEqualTo(404);
        }
    }
}
