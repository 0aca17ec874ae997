package cn.tongguan.platform.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/** The contract check itself fails on each kind of drift the issue saw, and passes a true exchange. */
class ContractTest {
    private static final String ERROR = "{\"code\":\"invalid_parameter\",\"message\":\"参数无效: kind\"}";

    @BeforeAll
    static void failing() {
        Assumptions.assumeFalse("report".equals(System.getProperty("tongguan.contract")), "report mode only logs");
    }

    private static HttpRequest get(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:1" + pathAndQuery)).header("Authorization", "Bearer t")
                .GET().build();
    }

    private static HttpHeaders type(String contentType) {
        return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (k, v) -> true);
    }

    @Test
    void aNullWhereTheDocumentSaysStringFails() {
        assertThatThrownBy(() -> Contract.check(get("/api/v1/me"), null, 200, type("application/json"),
                "{\"username\":null,\"role\":\"admin\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("username");
    }

    @Test
    void aStatusTheDocumentDoesNotListMustBeTheJsonError() {
        // every operation documents "default: Error" (ADR 0085): another status passes only as {code, message}
        Contract.check(get("/api/v1/me"), null, 418, type("application/json"), ERROR);
        assertThatThrownBy(() -> Contract.check(get("/api/v1/me"), null, 418, type("application/json"), "{\"status\":\"teapot\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
        assertThatThrownBy(() -> Contract.check(get("/api/v1/me"), null, 418, type("text/html"), "<html></html>"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    @Test
    void aContentTypeTheDocumentDoesNotListFails() {
        assertThatThrownBy(() -> Contract.check(get("/api/v1/photos/1"), null, 200, type("image/gif"), null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("image/gif");
    }

    @Test
    void acceptingARequestTheDocumentRefusesFailsButRefusingItPasses() {
        assertThatThrownBy(() -> Contract.check(get("/api/v1/cases?kind=foo"), null, 200, type("application/json"),
                "{\"items\":[],\"nextCursor\":null}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("accepted a request the document refuses");
        assertThatCode(() -> Contract.check(get("/api/v1/cases?kind=foo"), null, 400, type("application/json"), ERROR))
                .doesNotThrowAnyException();
    }

    @Test
    void aRouteTheDocumentDoesNotHaveMustBe404() {
        assertThatThrownBy(() -> Contract.check(get("/api/v1/nowhere"), null, 200, type("application/json"), "{}"))
                .isInstanceOf(AssertionError.class);
        assertThatCode(() -> Contract.check(get("/api/v1/nowhere"), null, 404, type("application/json"),
                "{\"code\":\"not_found\",\"message\":\"x\"}")).doesNotThrowAnyException();
    }
}
