package cn.tongguan.platform.lifeline;

import cn.tongguan.api.Lifeline;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.Call;
import cn.tongguan.platform.http.Router;
import cn.tongguan.platform.storage.Database;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The lifeline routes: sensor status and history, thresholds, the alarm lifecycle, pushes to the wall. */
public final class LifelineRoutes {
    private final Database db;
    private final Readings readings;
    private final AlarmLifecycle alarms;
    private final ThresholdTable thresholds;
    private final WallPushes pushes;

    public LifelineRoutes(Database db, Readings readings, AlarmLifecycle alarms, ThresholdTable thresholds, WallPushes pushes) {
        this.db = db;
        this.readings = readings;
        this.alarms = alarms;
        this.thresholds = thresholds;
        this.pushes = pushes;
    }

    public void register(Router r) {
        r.get("/api/v1/sensors/status", Role.ALL, c -> alarms.statuses());
        r.get("/api/v1/sensors/{id}/readings", Role.ALL, c -> {
            Integer limit = c.queryInt("limit", 1, 50_000);
            String quantity = c.query("quantity");
            if (quantity != null && !thresholds.knownQuantity(quantity)) {
                // the quantities are the sensor kinds' (data), so not a fixed list: a typo must not answer []
                throw new ApiException(400, "invalid_parameter", Map.of("parameter", "quantity"), "quantity");
            }
            return readings.history(c.path("id"), quantity, c.queryInstant("from"), c.queryInstant("to"),
                    limit == null ? 10_000 : limit);
        });
        r.get("/api/v1/sensors/{id}/thresholds", Role.ALL, c -> thresholds.effective(sensorKind(c.path("id")), c.path("id")));
        r.put("/api/v1/admin/sensors/{id}/thresholds", Role.ADMIN_ONLY, c -> {
            String id = c.path("id");
            String kind = sensorKind(id);
            thresholds.replace(kind, id, rules(c));
            return thresholds.effective(kind, id);
        });
        r.put("/api/v1/admin/sensor-kinds/{id}/thresholds", Role.ADMIN_ONLY, c -> {
            String kind = c.path("id");
            if (thresholds.mainQuantity(kind) == null) {
                throw ApiException.notFound("sensor kind", kind);
            }
            List<Lifeline.ThresholdRule> rules = rules(c);
            if (rules.isEmpty()) {
                throw Call.invalid("$", "required");
            }
            thresholds.replace(kind, "*", rules);
            return thresholds.effective(kind, "*");
        });
        r.get("/api/v1/alarms", Role.ALL, c -> {
            List<String> states = new ArrayList<>();
            if (c.query("state") != null) {
                for (String s : c.query("state").split(",")) {
                    String state = s.trim().toUpperCase(Locale.ROOT);
                    if (!Lifeline.ALARM_STATES.contains(state)) {
                        throw new ApiException(400, "invalid_parameter", Map.of("parameter", "state"), "state");
                    }
                    states.add(state);
                }
            }
            Integer limit = c.queryInt("limit", 1, 1_000);
            return alarms.list(states, c.query("sensorId"), limit == null ? 200 : limit);
        });
        r.post("/api/v1/alarms/{id}/acknowledge", Role.ALARM_HANDLERS, c -> alarms.acknowledge(c.principal(), c.pathLong("id"), action(c)));
        r.post("/api/v1/alarms/{id}/clear", Role.ALARM_HANDLERS, c -> alarms.clear(c.principal(), c.pathLong("id"), action(c)));
        r.post("/api/v1/wall/pushes", Role.WALL_PUSHERS, c -> {
            c.status(201);
            return pushes.push(c.principal(), c.body(Lifeline.NewWallPush.class));
        });
        r.get("/api/v1/wall/pushes", Role.WALL_AUDITORS, c -> {
            Integer limit = c.queryInt("limit", 1, 1_000);
            return pushes.list(limit == null ? 200 : limit);
        });
    }

    /** The optional body of acknowledge and clear. */
    private static Lifeline.AlarmAction action(Call c) {
        String body = Call.text(c.ctx());
        return body.isBlank() ? new Lifeline.AlarmAction(null) : c.body(Lifeline.AlarmAction.class);
    }

    private static List<Lifeline.ThresholdRule> rules(Call c) {
        List<Lifeline.ThresholdRule> rules = Arrays.asList(c.body(Lifeline.ThresholdRule[].class));
        if (rules.contains(null)) {
            throw Call.invalid("[]", "required");
        }
        return rules;
    }

    private String sensorKind(String id) {
        return db.read(tx -> AlarmLifecycle.sensor(tx.connection(), id).map(AlarmLifecycle.Sensor::kind)
                .orElseThrow(() -> ApiException.notFound("sensor", id)));
    }
}
