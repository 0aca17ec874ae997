package cn.tongguan.console.wall;

import cn.tongguan.api.Cases;
import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CachedCase;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every open case the wall knows of (the wall has no case cache): replaced by the open-case snapshot on each
 * (re)connection, kept current by the case events, counted per district for the map's labels. Lights come from
 * the seat's one rule ({@link CachedCase#lightAt}, over api {@code CaseClock}); finished states are the cache's ({@link CacheDatabase#FINISHED}).
 * Confined to one thread (the FX thread); no toolkit needed.
 */
public final class WallCases {
    private final Map<Long, Cases.Case> open = new HashMap<>();
    private final Map<String, Integer> perDistrict = new HashMap<>();

    public static boolean isOpen(Cases.Case c) {
        return c.closedAt() == null && !CacheDatabase.FINISHED.contains(c.state());
    }

    /**
     * The case's light at {@code now} (null while its clock has not started): the platform's deadline and warn time
     * against the wall's clock, as the seat counts it down.
     */
    public static String light(Cases.Case c, Instant now) {
        return new CachedCase(c, null, millis(c.warnAt())).lightAt(now.toEpochMilli());
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    /** The open cases are these now (a snapshot); the ids of the cases no longer open are returned. */
    public List<Long> reset(Collection<Cases.Case> cases) {
        Map<Long, Cases.Case> before = new HashMap<>(open);
        open.clear();
        perDistrict.clear();
        for (Cases.Case c : cases) {
            if (isOpen(c)) {
                add(c);
                before.remove(c.id());
            }
        }
        return List.copyOf(before.keySet());
    }

    /** One case changed: it is added, replaced or (closed, cancelled) removed. */
    public void changed(Cases.Case c) {
        Cases.Case old = open.remove(c.id());
        if (old != null) {
            perDistrict.merge(district(old), -1, Integer::sum);
        }
        if (isOpen(c)) {
            add(c);
        }
    }

    private void add(Cases.Case c) {
        open.put(c.id(), c);
        perDistrict.merge(district(c), 1, Integer::sum);
    }

    private static String district(Cases.Case c) {
        return c.districtCode() == null ? "" : c.districtCode();
    }

    public boolean isOpen(long id) {
        return open.containsKey(id);
    }

    /** Open cases in the district (0 for one without). */
    /** The open case with this id, or null. */
    public Cases.Case get(long id) {
        return open.get(id);
    }

    public int count(String districtCode) {
        return perDistrict.getOrDefault(districtCode, 0);
    }

    public Collection<Cases.Case> all() {
        return open.values();
    }

    public int size() {
        return open.size();
    }
}
