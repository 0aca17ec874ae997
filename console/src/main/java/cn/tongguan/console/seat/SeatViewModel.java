package cn.tongguan.console.seat;

import cn.tongguan.console.cache.OutboxStore;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.queue.TimeText;
import cn.tongguan.console.sync.SyncListener;
import cn.tongguan.console.sync.SyncStatus;
import cn.tongguan.console.workflow.CaseAction;
import cn.tongguan.console.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The seat's status line (how fresh the cache is, what waits in the outbox), the progress of its first snapshot
 * (bar, counts and an estimate from the injected clock) and its cheat sheet of shortcuts for the signed-in role.
 */
public final class SeatViewModel implements SyncListener {
    private final Labels labels;
    private final Messages messages;
    private final String role;
    private final OutboxStore outbox;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final TimeText time;
    private final ReadOnlyStringWrapper syncText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper snapshotting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper snapshotProgress = new ReadOnlyDoubleWrapper(SnapshotProgress.INDETERMINATE);
    private final ReadOnlyStringWrapper snapshotText = new ReadOnlyStringWrapper("");
    /** What the empty queue says: during the first snapshot its cases are on the way, not missing. */
    private final ReadOnlyStringWrapper queueEmptyText = new ReadOnlyStringWrapper("");
    /** A count of the outbox is queued and has not started: later news rides on it (events come in bursts). */
    private final AtomicBoolean countQueued = new AtomicBoolean();
    private volatile SyncStatus status = new SyncStatus(SyncStatus.Phase.STARTING, 0, null, null);
    /** When the running snapshot began, by the injected clock (the estimate's origin); null outside one. */
    private volatile Instant snapshotStarted;
    private volatile int waiting;
    /** Why the outbox cannot send right now (null: it can). */
    private volatile cn.tongguan.console.sync.Fault outboxFault;
    private volatile String rebuiltNotice;

    public SeatViewModel(Labels labels, String role, OutboxStore outbox, Executor background, Executor ui,
                         Clock clock) {
        this.labels = labels;
        this.messages = labels.messages();
        this.role = role;
        this.outbox = outbox;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        this.time = new TimeText(messages);
        syncText.set(messages.text("sync.starting"));
        queueEmptyText.set(messages.text("queue.empty.arriving"));
    }

    @Override
    public void statusChanged(SyncStatus s) {
        if (s.phase() == SyncStatus.Phase.SNAPSHOT && snapshotStarted == null) {
            snapshotStarted = clock.instant();
        } else if (s.phase() != SyncStatus.Phase.SNAPSHOT) {
            snapshotStarted = null;
        }
        status = s;
        // Straight to the UI: the bar must not wait behind the shared workers (grids, queue queries over a cache
        // being filled), which kept it at "已收到 0 件" for half a minute. The outbox count follows when it can.
        ui.execute(this::render);
        countWaiting();
    }

    @Override
    public void outboxFailing(cn.tongguan.console.sync.Fault fault) {
        outboxFault = fault;
        ui.execute(this::render);
        countWaiting();
    }

    @Override
    public void casesChanged(Set<Long> ids) {
        countWaiting();
    }

    private void countWaiting() {
        if (!countQueued.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            countQueued.set(false);
            waiting = outbox.pending().size();
            ui.execute(this::render);
        });
    }

    private void render() {
        SyncStatus s = status;
        Instant at = s.lastEventAt();
        String fresh = at == null ? messages.text("sync.never") : time.fullTime(at);
        SnapshotProgress progress = s.phase() == SyncStatus.Phase.SNAPSHOT
                ? SnapshotProgress.of(s, snapshotStarted, clock.instant(), messages) : null;
        String text = switch (s.phase()) {
            case STARTING -> messages.text("sync.starting");
            case SNAPSHOT -> progress.text();
            case LIVE -> messages.text("sync.live", fresh);
            case RECONNECTING -> lostText(s.detail(), fresh);
            case SESSION_ENDED -> messages.text("sync.session_ended", fresh);
            case STOPPED -> messages.text("sync.stopped");
        };
        cn.tongguan.console.sync.Fault writes = outboxFault;
        boolean writesFail = writes != null && s.phase() == SyncStatus.Phase.LIVE;
        if (writesFail) {
            // Events arrive but the seat's own actions do not leave: that is not 实时同步中.
            text = messages.text("sync.writes_failing", cn.tongguan.console.i18n.FaultText.of(messages, writes), fresh);
        }
        if (waiting > 0) {
            text = messages.text("sync.waiting", text, waiting);
        }
        if (rebuiltNotice != null) {
            text = rebuiltNotice + " · " + text;
        }
        live.set(s.phase() == SyncStatus.Phase.LIVE && !writesFail);
        syncText.set(text);
        snapshotting.set(progress != null);
        boolean arriving = progress != null || s.phase() == SyncStatus.Phase.STARTING;
        queueEmptyText.set(arriving ? messages.text("queue.empty.arriving") : messages.text("queue.empty"));
        if (progress != null) {
            snapshotProgress.set(progress.fraction());
            snapshotText.set(progress.text());
        }
    }

    /** The case cache could not be opened and was moved to {@code aside}: said on the status line all session. */
    public void cacheRebuilt(java.nio.file.Path aside) {
        rebuiltNotice = messages.text("cache.rebuilt", aside.getFileName().toString());
        ui.execute(this::render);
    }

    /** "与平台断开（平台响应超时），正在重连": the words match the fault the sync met. */
    private String lostText(String detail, String fresh) {
        cn.tongguan.console.sync.Fault fault = null;
        for (cn.tongguan.console.sync.Fault f : cn.tongguan.console.sync.Fault.values()) {
            if (f.name().equals(detail)) {
                fault = f;
            }
        }
        if (fault == null || fault == cn.tongguan.console.sync.Fault.UNREACHABLE) {
            return messages.text("sync.offline", fresh);
        }
        return messages.text("sync.lost", cn.tongguan.console.i18n.FaultText.of(messages, fault), fresh);
    }

    /** 受理员, 值班长 and 派遣员 acknowledge and clear lifeline alarms (the platform's alarm roles at a seat). */
    public boolean handlesAlarms() {
        return takesHotlineCalls() || "dispatcher".equals(role);
    }

    /** 受理员 and 值班长 take 12319/12345 calls (the platform lets them report). */
    public boolean takesHotlineCalls() {
        return "operator".equals(role) || "shift_leader".equals(role);
    }

    public List<String> cheatSheet() {
        Map<Character, List<String>> byKey = new LinkedHashMap<>();
        for (CaseAction a : Workflow.all()) {
            if (a.roles().contains(role)) {
                byKey.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(labels.action(a.action()));
            }
        }
        List<String> lines = new ArrayList<>();
        byKey.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                lines.add(messages.text("cheat.action", e.getKey(), String.join(" / ", e.getValue()))));
        lines.add(messages.text("cheat.navigation"));
        lines.add(messages.text("cheat.tabs"));
        lines.add(messages.text("cheat.search"));
        if (takesHotlineCalls()) {
            lines.add(messages.text("cheat.intake"));
        }
        if (handlesAlarms()) {
            lines.add(messages.text("cheat.alarms"));
        }
        lines.add(messages.text("cheat.citymap"));
        lines.add(messages.text("cheat.push"));
        lines.add(messages.text("cheat.push.camera"));
        lines.add(messages.text("cheat.help"));
        return lines;
    }

    public String roleLabel() {
        return labels.role(role);
    }

    public ReadOnlyStringProperty syncTextProperty() {
        return syncText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** True while a snapshot downloads: the seat shows its bar. */
    public ReadOnlyStringProperty queueEmptyTextProperty() {
        return queueEmptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty snapshottingProperty() {
        return snapshotting.getReadOnlyProperty();
    }

    /** 0…1, or {@link SnapshotProgress#INDETERMINATE} while the total is unknown or the cache builds its indexes. */
    public ReadOnlyDoubleProperty snapshotProgressProperty() {
        return snapshotProgress.getReadOnlyProperty();
    }

    /** "正在下载案件快照：已收到 12,345 / 910,000 件（约 1 分 20 秒）". */
    public ReadOnlyStringProperty snapshotTextProperty() {
        return snapshotText.getReadOnlyProperty();
    }
}
