package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.Router;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.Contract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
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
 * {@code x-roles} are the roles the route admits. The document itself passes a maintained parser without a
 * message, and says what client generators and callers need: an operationId, the refusals, a licence.
 * (Every exchange of the platform's tests is checked against it by {@link cn.tongguan.platform.support.Contract}.)
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
        for (Map.Entry<String, JsonNode> p : paths.properties()) {
            for (Map.Entry<String, JsonNode> op : p.getValue().properties()) {
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

    private static OpenAPI parsed() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Contract.document(), null, options);
        assertThat(result.getMessages()).as("swagger-parser's messages on openapi.yaml").isEmpty();
        return result.getOpenAPI();
    }

    /** "GET /api/v1/cases" → its operation, as the parser read it. */
    private static Map<String, Operation> operations() {
        Map<String, Operation> out = new TreeMap<>();
        parsed().getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> out.put(method + " " + path, op)));
        return out;
    }

    @Test
    void documentParsesWithoutErrorsOrWarnings() {
        OpenAPI api = parsed();
        assertThat(api.getOpenapi()).startsWith("3.0."); // so nullable: true, not type arrays, marks nullable fields
        assertThat(api.getInfo().getLicense()).as("info.license").isNotNull();
        assertThat(api.getInfo().getLicense().getName()).isNotBlank();
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationId() {
        Map<String, String> ids = new TreeMap<>();
        operations().forEach((op, o) -> ids.put(op, o.getOperationId()));
        assertThat(ids).allSatisfy((op, id) -> assertThat(id).as(op).isNotNull().matches("[a-z][a-zA-Z0-9]*"));
        assertThat(new TreeSet<>(ids.values())).hasSameSizeAs(ids.values());
    }

    @Test
    void everyOperationListsTheRefusalsItCanAnswerWithTheSharedErrorBody() throws Exception {
        Map<String, Set<String>> roles = documented();
        int all = Role.values().length;
        Map<String, ApiResponse> shared = parsed().getComponents().getResponses();
        operations().forEach((op, o) -> {
            Set<String> codes = o.getResponses().keySet();
            boolean secured = !roles.get(op).contains("public");
            if (secured) {
                assertThat(codes).as(op + ": no or an expired token").contains("401");
            }
            if (secured && roles.get(op).size() < all) {
                assertThat(codes).as(op + ": a role it does not admit").contains("403");
            }
            if (o.getRequestBody() != null) {
                assertThat(codes).as(op + ": a malformed body").contains("400");
            }
            boolean hasPathParameter = o.getParameters() != null
                    && o.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
            if (hasPathParameter) {
                assertThat(codes).as(op + ": nothing by that id").contains("404");
            }
            o.getResponses().forEach((code, ref) -> {
                ApiResponse r = ref.get$ref() == null ? ref : shared.get(ref.get$ref().replace("#/components/responses/", ""));
                if (code.startsWith("4")) {
                    MediaType json = r.getContent() == null ? null : r.getContent().get("application/json");
                    assertThat(json).as(op + " " + code + " is {code, message, details}").isNotNull();
                    assertThat(json.getSchema().get$ref()).as(op + " " + code).isEqualTo("#/components/schemas/ApiError");
                }
            });
        });
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
