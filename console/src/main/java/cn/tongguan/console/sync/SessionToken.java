package cn.tongguan.console.sync;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The bearer token of the signed-in seat, added to every request of the console's one OkHttp client by this
 * interceptor (so no call site can forget it).
 */
public final class SessionToken implements Interceptor {
    /** The tag of a request that must go without the bearer (sign-in, refresh). */
    public enum Anonymous { INSTANCE }


    private final AtomicReference<String> token = new AtomicReference<>();

    public void set(String value) {
        token.set(value);
    }

    public String get() {
        return token.get();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String value = token.get();
        Request request = chain.request();
        if (value == null || request.header("Authorization") != null || request.tag(Anonymous.class) != null) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + value).build());
    }
}
