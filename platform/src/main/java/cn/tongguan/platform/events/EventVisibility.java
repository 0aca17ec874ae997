package cn.tongguan.platform.events;

import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which subscriber may receive which event: the same rule as the route that reads the object (ADR 0087). Case
 * events go to the roles that read cases, and to a 专业部门 only for its own department's cases (as the list and
 * the snapshot are scoped); the difficult-case ledger to the roles that read it; wall pushes to the wall and the
 * roles that push or audit them; lifeline events (sensors, alarms, cameras) to everyone, as their routes are.
 * A type not in the table is withheld from the department and wall roles (default deny for the roles whose
 * routes are scoped), so a new event type leaks nothing until it is placed here.
 *
 * <p>Case events carry no reporter (written with {@code Masking.HIDDEN}), so no role receives personal data in them.
 */
public final class EventVisibility {
    private static final Set<Role> CASE_READERS = cn.tongguan.platform.auth.Role.CASE_READERS;
    private static final Map<String, Set<Role>> ROLES = Map.of(
            "case.created", CASE_READERS,
            "case.transitioned", CASE_READERS,
            "cases.imported", CASE_READERS,
            "ledger.changed", Role.STATS_READERS,
            "wall.push", union(EnumSet.of(Role.WALL), Role.WALL_PUSHERS, Role.WALL_AUDITORS));
    private static final Set<String> EVERYONE = Set.of("sensor.reading", "sensor.status", "alarm.raised", "alarm.updated",
            "alarm.acknowledged", "alarm.cleared", "camera.status");
    private static final Set<Role> SCOPED = EnumSet.of(Role.DEPARTMENT, Role.WALL);

    private final ObjectMapper mapper;

    public EventVisibility(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Which part of the stream a subscriber sees; {@code ownCase} says whether a case event's case is theirs. */
    public boolean visible(Principal p, EventLog.Stored e, java.util.function.LongPredicate seenCase) {
        if (EVERYONE.contains(e.type())) {
            return true;
        }
        Set<Role> roles = ROLES.get(e.type());
        if (roles == null) {
            return !SCOPED.contains(p.role());
        }
        if (!roles.contains(p.role())) {
            return false;
        }
        if (p.role() != Role.DEPARTMENT || e.type().equals("cases.imported")) {
            return true;
        }
        JsonNode item = item(e);
        if (item == null) {
            return false;
        }
        // A case that leaves the department (returned, re-dispatched) is still told to the department that had it
        // on this stream, so its seat drops it from the queue instead of keeping it for ever.
        return Objects.equals(p.departmentCode(), text(item, "departmentCode")) || seenCase.test(item.path("id").asLong(-1));
    }

    /** The id of the case an event is about, or -1. */
    public long caseId(EventLog.Stored e) {
        if (!e.type().startsWith("case.")) {
            return -1;
        }
        JsonNode item = item(e);
        return item == null ? -1 : item.path("id").asLong(-1);
    }

    private JsonNode item(EventLog.Stored e) {
        try {
            JsonNode n = mapper.readTree(e.json()).path("data").get("item");
            return n == null || !n.isObject() ? null : n;
        } catch (IOException x) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @SafeVarargs
    private static Set<Role> union(Set<Role> first, Set<Role>... more) {
        EnumSet<Role> out = EnumSet.copyOf(first);
        for (Set<Role> m : more) {
            out.addAll(m);
        }
        return out;
    }
}
