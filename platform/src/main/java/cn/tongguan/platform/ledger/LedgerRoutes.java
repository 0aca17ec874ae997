package cn.tongguan.platform.ledger;

import cn.tongguan.api.Ledger;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.Router;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** HTTP routes of the ledger of difficult cases; the older {@code GET /api/v1/cases/difficult} stays as it is. */
public final class LedgerRoutes {
    /** Who lists a case as difficult: the hall's shift leaders and dispatchers, and leaders. */
    static final Set<Role> MARKERS = EnumSet.of(Role.SHIFT_LEADER, Role.DISPATCHER, Role.LEADER);
    /** Who records a meeting's discussion: the leaders who chair it and the shift leader who minutes it. */
    static final Set<Role> MEETING = EnumSet.of(Role.LEADER, Role.SHIFT_LEADER);

    private final LedgerService service;

    public LedgerRoutes(LedgerService service) {
        this.service = service;
    }

    public void register(Router r) {
        r.post("/api/v1/cases/{id}/difficult", MARKERS, c -> {
            Ledger.Mark mark = c.body(Ledger.Mark.class);
            c.status(201);
            return service.mark(c.principal(), c.pathLong("id"), mark);
        });
        r.get("/api/v1/ledger", Role.STATS_READERS, c -> {
            String state = c.queryEnum("state", List.of("open", "closed"));
            String sort = c.queryEnum("sort", List.of("age", "listed"));
            Integer limit = c.queryInt("limit", 1, 1000);
            return service.list(state, c.query("departmentCode"), sort, limit == null ? 200 : limit);
        });
        r.get("/api/v1/ledger/figures", Role.STATS_READERS, c -> service.figures());
        r.get("/api/v1/ledger/{id}", Role.STATS_READERS, c -> service.detail(c.pathLong("id")));
        r.post("/api/v1/ledger/{id}/discussions", MEETING, c -> {
            Ledger.NewDiscussion d = c.body(Ledger.NewDiscussion.class);
            c.status(201);
            return service.discuss(c.principal(), c.pathLong("id"), d);
        });
    }
}
