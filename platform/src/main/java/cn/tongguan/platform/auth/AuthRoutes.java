package cn.tongguan.platform.auth;

import cn.tongguan.api.Auth;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.Router;
import java.util.Map;

/** Sign-in, refresh, sign-out, the caller, and the administrator's account routes. */
public final class AuthRoutes {
    private final AuthService auth;

    public AuthRoutes(AuthService auth) {
        this.auth = auth;
    }

    public void register(Router router) {
        router.post("/api/v1/auth/login", null, c -> {
            try {
                return auth.login(c.body(Auth.LoginRequest.class), c.ctx().ip());
            } catch (ApiException e) {
                retryAfter(c.ctx(), e);
                throw e;
            }
        });
        router.post("/api/v1/auth/refresh", null, c -> auth.refresh(c.body(Auth.RefreshRequest.class), c.ctx().ip()));
        router.post("/api/v1/auth/logout", Role.ALL, c -> {
            auth.logout(Router.token(c.ctx()), c.principal(), c.ctx().ip());
            return Map.of();
        });
        router.get("/api/v1/me", Role.ALL, c -> new Auth.User(c.principal().username(), c.principal().displayName(),
                c.principal().role().code(), c.principal().departmentCode()));
        router.get("/api/v1/users", Role.ADMIN_ONLY, c -> auth.users());
        router.post("/api/v1/users", Role.ADMIN_ONLY, c -> {
            c.status(201);
            return auth.createUser(c.body(Auth.NewUser.class));
        });
    }

    private static void retryAfter(io.javalin.http.Context ctx, ApiException e) {
        if (e.status() == 429 && e.details().get("retryAfterSeconds") instanceof Long seconds) {
            ctx.header("Retry-After", Long.toString(seconds));
        }
    }
}
