package cn.tongguan.platform.lifeline;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Lifeline;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.cases.CaseService;
import cn.tongguan.platform.cases.PhotoStore;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An alarm that calls for action files a case through {@link CaseService#create} like any report (source
 * {@code iot}, the class of its alarm kind, the reading in the description, placed by the locator), with the
 * nearest camera's snapshot as its photo. It runs on the injected executor, never on a request thread: the
 * snapshot may take seconds, and an unreachable camera only makes the case say so.
 */
public final class AlarmCases {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmCases.class);
    /** The reporter of alarm cases: the monitoring system acting as a seat. */
    public static final Principal FILER = new Principal(AlarmLifecycle.SYSTEM, "城市生命线监测", Role.OPERATOR, null);
    private static final Map<String, String> LEVEL_NAMES = Map.of("BLUE", "蓝色", "YELLOW", "黄色", "ORANGE", "橙色", "RED", "红色");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    /** Within this many degrees (~4 m) a cover part under a cover sensor is the part the sensor sits on. */
    private static final double SAME_SPOT_DEG = 0.00004;

    private record Site(AlarmLifecycle.Sensor sensor, NearestCameras.Camera camera, String partSmallCode) {
    }

    private final Database db;
    private final ThresholdTable thresholds;
    private final AlarmLifecycle alarms;
    private final CaseService cases;
    private final PhotoStore photos;
    private final SnapshotGrabber grabber;
    private final Duration timeout;
    private final Executor executor;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    public AlarmCases(Database db, ThresholdTable thresholds, AlarmLifecycle alarms, CaseService cases, PhotoStore photos,
                      SnapshotGrabber grabber, Duration timeout, Executor executor) {
        this.db = db;
        this.thresholds = thresholds;
        this.alarms = alarms;
        this.cases = cases;
        this.photos = photos;
        this.grabber = grabber;
        this.timeout = timeout;
        this.executor = executor;
    }

    /** Queues the filing of an alarm's case (once, however often the alarm escalates meanwhile). */
    public void request(long alarmId) {
        if (!pending.add(alarmId)) {
            return;
        }
        executor.execute(() -> {
            try {
                file(alarmId);
            } catch (RuntimeException e) {
                LOG.warn("alarm {}: filing its case failed", alarmId, e);
            } finally {
                pending.remove(alarmId);
            }
        });
    }

    /** After a restart: alarms still open that should have filed a case and did not (the platform stopped first). */
    public void requeueOpen() {
        for (Lifeline.Alarm a : alarms.list(List.of("ACTIVE", "ACKNOWLEDGED"), null, 1_000)) {
            if (needsCase(a, thresholds.alarmKind(a.kind()).orElse(null))) {
                request(a.id());
            }
        }
    }

    /** Files the case of an alarm on the calling thread; empty when it has one, needs none or cannot be placed. */
    public Optional<Long> file(long alarmId) {
        Lifeline.Alarm a = alarms.find(alarmId).orElse(null);
        ThresholdTable.AlarmKind kind = a == null ? null : thresholds.alarmKind(a.kind()).orElse(null);
        if (a == null || !needsCase(a, kind)) {
            return Optional.empty();
        }
        Site site = db.read(tx -> site(tx.connection(), a, kind));
        if (site == null) {
            return Optional.empty();
        }
        byte[] jpeg = null;
        String snapshot;
        NearestCameras.Camera cam = site.camera();
        if (cam == null) {
            snapshot = "附近没有摄像头，未取得现场快照。";
        } else if ("offline".equals(cam.status()) || "fault".equals(cam.status())) {
            snapshot = "最近的摄像头 " + cam.id() + " 离线，未取得现场快照。";
        } else {
            try {
                jpeg = grabber.grab(cam.streamUrl(), timeout);
                snapshot = "现场快照取自摄像头 " + cam.id() + "（见照片）。";
            } catch (IOException e) {
                LOG.info("alarm {}: no snapshot from {}: {}", alarmId, cam.id(), e.getMessage());
                snapshot = "摄像头 " + cam.id() + " 未能取得现场快照：" + e.getMessage() + "。";
            }
        }
        AlarmLifecycle.Sensor s = site.sensor();
        String unit = s.unit() == null ? "" : " " + s.unit();
        String description = String.format("【城市生命线】%s（%s）%s %s%s，达到%s预警（≥ %s%s），%s。附近摄像头：%s。%s",
                s.name() == null ? s.id() : s.name(), s.id(), kind.name(), number(a.value()), unit,
                LEVEL_NAMES.getOrDefault(a.level(), a.level()), number(a.threshold()), unit, TIME.format(a.raisedAt()),
                a.cameraIds().isEmpty() ? "无" : String.join("、", a.cameraIds()), snapshot);
        String small = site.partSmallCode() != null ? site.partSmallCode() : kind.caseSmallCode();
        Cases.Case filed;
        try {
            filed = create(alarmId, kind, small, s, description);
        } catch (ApiException e) {
            if (!"unknown_category".equals(e.code()) || small.equals(kind.caseSmallCode())) {
                LOG.warn("alarm {}: case refused ({})", alarmId, e.code());
                return Optional.empty();
            }
            // The cover's own class is not a case category here: file under the alarm kind's class.
            filed = create(alarmId, kind, kind.caseSmallCode(), s, description);
        }
        if (jpeg != null) {
            try {
                photos.add(FILER, filed.id(), "report", new ByteArrayInputStream(jpeg));
            } catch (RuntimeException e) {
                // The case stands without its photo (e.g. a frame over the upload limit); the alarm still gets it.
                LOG.warn("alarm {}: snapshot not attached to case {}", alarmId, filed.caseNo(), e);
            }
        }
        alarms.attachCase(alarmId, filed.id());
        LOG.info("alarm {} ({} {} at {}) filed case {}", alarmId, a.kind(), a.level(), a.sensorId(), filed.caseNo());
        return Optional.of(filed.id());
    }

    /** No case yet, and the alarm kind files one from a level the alarm has reached. */
    static boolean needsCase(Lifeline.Alarm a, ThresholdTable.AlarmKind kind) {
        return a.caseId() == null && kind != null && kind.caseKind() != null && kind.caseFromLevel() != null
                && ThresholdTable.rank(a.level()) >= ThresholdTable.rank(kind.caseFromLevel());
    }

    private Cases.Case create(long alarmId, ThresholdTable.AlarmKind kind, String small, AlarmLifecycle.Sensor s,
                              String description) {
        // The alarm is the case's client-made id: two platform instances (or a restart's requeue) filing the same
        // alarm get the same case (ADR 0081, 0101).
        return cases.create(FILER, new Cases.NewCase("iot", kind.caseKind(), kind.caseBigCode(), small, s.lng(), s.lat(),
                s.name(), description, kind.caseUrgency(), null, null, null, false, null, String.format(java.util.Locale.ROOT, "alarm-%08d", alarmId)));
    }

    private Site site(Connection c, Lifeline.Alarm a, ThresholdTable.AlarmKind kind) throws SQLException {
        AlarmLifecycle.Sensor s = AlarmLifecycle.sensor(c, a.sensorId()).orElse(null);
        if (s == null) {
            return null;
        }
        List<NearestCameras.Camera> cams = NearestCameras.cameras(c, s.lng(), s.lat(), 1);
        String partClass = null;
        if ("part".equals(kind.caseKind())) {
            // A cover sensor sits on a cover part: its case takes that part's class (污水/雨水/燃气… 井盖异常).
            try (PreparedStatement ps = Sql.prepare(c, "SELECT small_code, lng, lat FROM parts WHERE lng BETWEEN ? AND ? "
                    + "AND lat BETWEEN ? AND ? AND small_code LIKE ?", s.lng() - SAME_SPOT_DEG, s.lng() + SAME_SPOT_DEG,
                    s.lat() - SAME_SPOT_DEG, s.lat() + SAME_SPOT_DEG, kind.caseBigCode() + "%");
                 ResultSet rs = ps.executeQuery()) {
                double best = Double.MAX_VALUE;
                while (rs.next()) {
                    double d = Math.hypot(rs.getDouble(2) - s.lng(), rs.getDouble(3) - s.lat());
                    if (d < best) {
                        best = d;
                        partClass = rs.getString(1);
                    }
                }
            }
        }
        return new Site(s, cams.isEmpty() ? null : cams.get(0), partClass);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
