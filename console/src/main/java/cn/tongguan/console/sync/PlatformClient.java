package cn.tongguan.console.sync;

import cn.tongguan.api.Health;
import cn.tongguan.api.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Blocking calls to the platform's REST API over the console's one shared OkHttp client. Callers run it
 * on the background executor, never on the FX thread.
 */
public final class PlatformClient {
    private final OkHttpClient http;
    private final URI base;
    private final ObjectMapper json = Json.newMapper();

    public PlatformClient(OkHttpClient http, URI base) {
        this.http = Objects.requireNonNull(http);
        this.base = Objects.requireNonNull(base);
    }

    /** {@code GET /api/v1/health}. */
    public Health health() throws IOException {
        Request request = new Request.Builder().url(base.resolve("/api/v1/health").toString()).get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw new PlatformException(response.code(), "platform answered HTTP " + response.code());
            }
            return json.readValue(body.byteStream(), Health.class);
        }
    }

    public URI base() {
        return base;
    }
}
