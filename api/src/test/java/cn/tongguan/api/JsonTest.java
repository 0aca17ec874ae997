package cn.tongguan.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void instantsTravelAsIsoStrings() throws Exception {
        String json = mapper.writeValueAsString(new Health("UP", "1", Instant.parse("2026-11-25T01:02:03Z")));
        assertThat(json).contains("\"time\":\"2026-11-25T01:02:03Z\"");
        assertThat(mapper.readValue(json, Health.class).time()).isEqualTo(Instant.parse("2026-11-25T01:02:03Z"));
    }

    @Test
    void errorWithoutDetailsOmitsTheField() throws Exception {
        assertThat(mapper.writeValueAsString(ApiError.of("bad_request", "请求无效")))
                .isEqualTo("{\"code\":\"bad_request\",\"message\":\"请求无效\"}");
    }

    @Test
    void errorKeepsItsDetails() throws Exception {
        ApiError error = new ApiError("illegal_transition", "不允许", Map.of("allowed", java.util.List.of("DISPATCH")));
        assertThat(mapper.readValue(mapper.writeValueAsString(error), ApiError.class)).isEqualTo(error);
    }
}
