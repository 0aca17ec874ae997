package cn.tongguan.console.sync;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A city may run its platform as several instances on one database (ADR 0100): the console is given all their
 * addresses and talks to the live one. Requests are built against the first address; this interceptor sends each
 * to the instance in use and, when that one cannot be reached (or answers 502/503/504 from a proxy or a sick
 * instance), moves on to the next and stays there until it fails in turn. Replaying a request on another instance
 * is safe: every write carries its idempotency key or client id, which the shared database remembers.
 */
public final class PlatformFailover implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformFailover.class);

    private final List<URI> given;
    private final List<HttpUrl> addresses;
    private final AtomicInteger current = new AtomicInteger();

    public PlatformFailover(List<URI> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no platform address");
        }
        this.given = List.copyOf(addresses);
        this.addresses = addresses.stream().map(u -> HttpUrl.get(u.toString())).toList();
    }

    /** The address requests go to now. */
    public URI current() {
        return given.get(current.get());
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (addresses.size() == 1 || !sameOrigin(request.url(), addresses.get(0))) {
            return chain.proceed(request);
        }
        IOException failure = null;
        Response unhealthy = null;
        int start = current.get();
        for (int tried = 0; tried < addresses.size(); tried++) {
            int index = (start + tried) % addresses.size();
            HttpUrl target = addresses.get(index);
            Request routed = request.newBuilder().url(request.url().newBuilder().scheme(target.scheme())
                    .host(target.host()).port(target.port()).build()).build();
            try {
                Response response = chain.proceed(routed);
                if (!isUnavailable(response.code()) || tried == addresses.size() - 1) {
                    moveTo(start, index);
                    if (unhealthy != null) {
                        unhealthy.close();
                    }
                    return response;
                }
                if (unhealthy != null) {
                    unhealthy.close();
                }
                unhealthy = response;
                LOG.warn("Platform instance {} answered {}: trying the next one", target, response.code());
            } catch (IOException e) {
                failure = e;
                LOG.warn("Platform instance {} not reachable ({}): trying the next one", target, e.toString());
            }
        }
        if (unhealthy != null) {
            return unhealthy;
        }
        throw failure;
    }

    private void moveTo(int from, int to) {
        if (from != to && current.compareAndSet(from, to)) {
            LOG.info("Now talking to the platform instance at {}", addresses.get(to));
        }
    }

    private static boolean isUnavailable(int code) {
        return code == 502 || code == 503 || code == 504;
    }

    private static boolean sameOrigin(HttpUrl url, HttpUrl base) {
        return url.scheme().equals(base.scheme()) && url.host().equals(base.host()) && url.port() == base.port();
    }
}
