package cn.tongguan.console.alarms;

import cn.tongguan.api.Failures;
import cn.tongguan.api.Lifeline;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.PlatformException;
import cn.tongguan.console.sync.SyncListener;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seat's alarm desk (告警处置): lifeline alarms not yet cleared, newest first, refreshed on every alarm event;
 * K acknowledges the selected one (确认), C clears it by hand (解除) — who and when are kept by the platform.
 */
public final class AlarmDeskViewModel implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmDeskViewModel.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** What the desk needs of the platform (blocking; called on the background executor). */
    public interface Platform {
        List<Lifeline.Alarm> openAlarms() throws IOException;

        Lifeline.Alarm act(long id, String action, String note) throws IOException;
    }

    /** One line of the desk. */
    public record Line(Lifeline.Alarm alarm, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final Messages messages;
    private final Platform platform;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Line> alarms = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public AlarmDeskViewModel(Messages messages, Platform platform, Executor background, Executor ui) {
        this.messages = messages;
        this.platform = platform;
        this.background = background;
        this.ui = ui;
    }

    public void load() {
        background.execute(() -> reload(true));
    }

    /** Reads the open alarms; {@code say} false keeps the sentence of the action just taken. */
    private void reload(boolean say) {
        try {
            List<Line> lines = platform.openAlarms().stream().map(this::line).toList();
            ui.execute(() -> {
                alarms.setAll(lines);
                if (say) {
                    status.set(lines.isEmpty() ? messages.text("alarms.none") : messages.text("alarms.count", lines.size()));
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.info("Alarms not read: {}", e.toString(), Failures.bug(e));
            ui.execute(() -> status.set(messages.text("alarms.offline")));
        }
    }

    Line line(Lifeline.Alarm a) {
        String state = switch (a.state()) {
            case "ACTIVE" -> messages.text("alarms.state.active");
            case "ACKNOWLEDGED" -> messages.text("alarms.state.acknowledged", a.acknowledgedBy());
            default -> messages.text("alarms.state.cleared");
        };
        String level = switch (a.level()) {
            case "BLUE" -> messages.text("alarms.level.blue");
            case "YELLOW" -> messages.text("alarms.level.yellow");
            case "ORANGE" -> messages.text("alarms.level.orange");
            default -> messages.text("alarms.level.red");
        };
        String kind = switch (a.kind()) {
            case "WATER_DEPTH" -> messages.text("alarms.kind.water");
            case "UNDERPASS_LEVEL" -> messages.text("alarms.kind.underpass");
            case "MANHOLE_TILT" -> messages.text("alarms.kind.tilt");
            case "MANHOLE_DISPLACEMENT" -> messages.text("alarms.kind.displacement");
            case "MANHOLE_OVERFLOW" -> messages.text("alarms.kind.overflow");
            case "LOW_BATTERY" -> messages.text("alarms.kind.battery");
            case "NO_DATA" -> messages.text("alarms.kind.nodata");
            default -> a.kind();
        };
        return new Line(a, messages.text("alarms.line", CLOCK.format(a.raisedAt()), a.sensorId(), kind, level,
                String.format(Locale.ROOT, "%.1f", a.value()), state,
                a.caseId() == null ? "" : messages.text("alarms.case", a.caseId())));
    }

    /** 确认 (acknowledge) the alarm; the wall's mark stops flashing. */
    public void acknowledge(Line line, String note) {
        act(line, "acknowledge", note);
    }

    /** 解除 (clear) the alarm by hand. */
    public void clear(Line line, String note) {
        act(line, "clear", note);
    }

    private void act(Line line, String action, String note) {
        if (line == null) {
            status.set(messages.text("alarms.select"));
            return;
        }
        String trimmed = note == null || note.isBlank() ? null : note.trim();
        background.execute(() -> {
            String text;
            try {
                Lifeline.Alarm now = platform.act(line.alarm().id(), action, trimmed);
                text = "acknowledge".equals(action) ? messages.text("alarms.acknowledged", now.sensorId())
                        : messages.text("alarms.cleared", now.sensorId());
            } catch (PlatformException e) {
                text = messages.text("alarms.refused", e.error().message());
            } catch (IOException | RuntimeException e) {
                text = messages.text("alarms.offline");
            }
            String said = text;
            ui.execute(() -> status.set(said));
            reload(false);
        });
    }

    @Override
    public void alarmsChanged() {
        load();
    }

    public ObservableList<Line> alarms() {
        return alarms;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
