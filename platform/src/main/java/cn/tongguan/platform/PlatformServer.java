package cn.tongguan.platform;

import cn.tongguan.api.ApiError;
import cn.tongguan.api.Health;
import cn.tongguan.api.Json;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP face of the platform: routes under {@code /api/v1}, errors always as {@code {code, message}}. */
public final class PlatformServer {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformServer.class);
    static final String VERSION = "0.1.0";

    private final PlatformConfig config;
    private final Clock clock;
    private Javalin app;

    public PlatformServer(PlatformConfig config) {
        this(config, Clock.systemUTC());
    }

    PlatformServer(PlatformConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public void start() {
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.newMapper(), false));
        });
        app.get("/api/v1/health", ctx -> ctx.json(new Health("UP", VERSION, clock.instant())));
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            // Routes that answer 404 themselves already wrote a JSON error; only Javalin's own text is replaced.
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                ctx.json(ApiError.of("not_found", "没有这个地址: " + ctx.path()));
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(ApiError.of("internal_error", "平台内部错误，请稍后再试"));
        });
        app.start(config.host(), config.port());
    }

    /** The bound port (the real one when started on port 0). */
    public int port() {
        return app.port();
    }

    public void stop() {
        if (app != null) {
            app.stop();
        }
    }
}
