package cn.tongguan.platform;

import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.ErrorWriter;
import cn.tongguan.platform.http.JettyErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.Map;

/**
 * The platform's HTTP server as configured for every route: the shared JSON mapper, the size limits, Jetty's own
 * refusals as {@code {code, message}} (not its HTML pages) and HTTPS alone when TLS is configured.
 */
final class WebServer {
    private WebServer() {
    }

    static Javalin create(PlatformConfig config, ObjectMapper mapper, JettyErrors jettyErrors) {
        return Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
            cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(jettyErrors));
            cfg.jetty.multipartConfig.maxFileSize(config.maxUploadBytes() + 1, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes() + 65_536, SizeUnit.BYTES);
            if (config.tls() != null) {
                // HTTPS only: with a connector of its own, Javalin adds no plain one.
                cfg.jetty.addConnector((server, http) -> Tls.connector(server, http, config.tls(), config.host(), config.port()));
            }
        });
    }

    /** A path no route knows is a JSON 404 too (a route's own 404 is already JSON and is left as it is). */
    static void notFoundAsJson(Javalin app, ErrorWriter errors) {
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                ctx.json(errors.error(ctx, new ApiException(404, "not_found", Map.of(), "path", ctx.path())));
            }
        });
    }
}
