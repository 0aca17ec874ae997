package cn.tongguan.platform.http;

import cn.tongguan.api.ApiError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's error pages replaced by the API's JSON error: requests Jetty refuses before Javalin sees them (a URI
 * over the limit: 414, headers over the limit: 431, a URI that is no UTF-8: 400) used to answer Jetty's HTML page
 * naming Jetty. A message refused while its headers are still unread has no Accept-Language: it gets the default
 * language (zh-CN).
 */
public final class JettyErrors extends ErrorHandler {
    private final ErrorWriter errors;
    private final ObjectMapper mapper;

    public JettyErrors(ErrorWriter errors, ObjectMapper mapper) {
        this.errors = errors;
        this.mapper = mapper;
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        int status = response.getStatus() < 400 ? 500 : response.getStatus();
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(body(status, request.getHeader("Accept-Language")));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8"));
        return ByteBuffer.wrap(body(status, null));
    }

    private byte[] body(int status, String acceptLanguage) {
        ApiError e = errors.error(acceptLanguage, new ApiException(status, ErrorWriter.codeFor(status), Map.of(), "", ""));
        try {
            return mapper.writeValueAsBytes(e);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }
}
