package cn.tongguan.console.meeting;

import cn.tongguan.api.Evaluation;
import cn.tongguan.api.Failures;
import cn.tongguan.api.Ledger;
import cn.tongguan.api.Reports;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.MeetingApi;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly joint meeting (月联席会议): the month at a glance against last month and the same month last year,
 * department and district rankings with the worst three marked, the daily trend, high-incidence classes and hot
 * grids, the ledger of difficult cases with the meeting's decisions, and the cases behind any figure.
 */
public final class MeetingViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MeetingViewModel.class);
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** A headline tile: value, change against the previous period and the same period last year. */
    public record Tile(String indicator, String label, String value, String vsPrevious, String vsLastYear,
                       boolean better, boolean worse) {
    }

    /** A ranked department or district; {@code worst} marks the last three (末位). */
    public record Ranked(String subject, String key, String name, double composite, String grade, int rank,
                         Double closeRate, Double inTimeCloseRate, Double reworkRate, boolean worst) {
    }

    /** One line of the cases behind a figure, with its place (null when unknown) for the map. */
    public record Behind(long caseId, String text, Double lng, Double lat, boolean closed) {
    }

    private final Messages messages;
    private final MeetingApi api;
    private final Executor background;
    private final Executor ui;
    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ObservableList<Ranked> departments = FXCollections.observableArrayList();
    private final ObservableList<Ranked> districts = FXCollections.observableArrayList();
    private final ObservableList<Evaluation.Day> trend = FXCollections.observableArrayList();
    private final ObservableList<String> topClasses = FXCollections.observableArrayList();
    private final ObservableList<HotSpot> hotGrids = FXCollections.observableArrayList();
    private final ObservableList<Ledger.Entry> ledger = FXCollections.observableArrayList();
    private final ObservableList<Behind> behind = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper ledgerFigures = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper behindTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ObservableList<Reports.ReportInfo> reports = FXCollections.observableArrayList();
    private final Path downloads;
    private final cn.tongguan.console.i18n.Labels labels;
    private volatile java.util.Map<String, String> classNames = java.util.Map.of();
    private long loads;

    public MeetingViewModel(Messages messages, MeetingApi api, Executor background, Executor ui, Clock clock,
                            Path downloads) {
        this.downloads = downloads;
        this.messages = messages;
        this.labels = new cn.tongguan.console.i18n.Labels(messages);
        this.api = api;
        this.background = background;
        this.ui = ui;
        behindTitle.set(messages.text("meeting.behind.hint"));
        // The meeting looks back at the last complete month.
        month.set(YearMonth.now(clock.withZone(CITY)).minusMonths(1));
    }

    private String period() {
        return "month:" + month.get();
    }

    public void previousMonth() {
        month.set(month.get().minusMonths(1));
        load();
    }

    public void nextMonth() {
        month.set(month.get().plusMonths(1));
        load();
    }

    /** Fetches the month (background); the figures replace the old ones together. */
    public void load() {
        long seq = ++loads;
        String period = period();
        YearMonth shown = month.get();
        status.set(messages.text("meeting.loading", shown.getYear(), shown.getMonthValue()));
        background.execute(() -> {
            try {
                Evaluation.Summary summary = api.summary(period);
                Evaluation.Report depts = api.evaluation("department", period);
                Evaluation.Report dists = api.evaluation("district", period);
                List<Ledger.Entry> entries = api.ledger("open");
                Ledger.Figures figures = api.ledgerFigures();
                List<Reports.ReportInfo> stored = reportsOrNone();
                if (classNames.isEmpty()) {
                    classNames = api.categoryNames();
                }
                ui.execute(() -> {
                    if (seq != loads) {
                        return;
                    }
                    title.set(messages.text("meeting.title", shown.getYear(), shown.getMonthValue()));
                    tiles.setAll(tiles(summary));
                    departments.setAll(ranked("department", depts));
                    districts.setAll(ranked("district", dists));
                    trend.setAll(summary.trend());
                    topClasses.setAll(summary.topClasses().stream().limit(10)
                            .map(t -> messages.text("meeting.top", t.name() == null ? t.key() : t.name(), t.count()))
                            .toList());
                    hotGrids.setAll(summary.hotGrids().stream().limit(10).map(this::hotSpot).toList());
                    ledger.setAll(entries);
                    reports.setAll(stored);
                    ledgerFigures.set(messages.text("meeting.ledger.figures", figures.total(), figures.open(),
                            figures.assignedOnTheSpot(), figures.closed(), figures.overdue()));
                    // The month in words: the platform's period label ("month:2026-11") is a code, not for leaders.
                    status.set(messages.text("meeting.loaded", shown.getYear(), shown.getMonthValue()));
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("Meeting figures not loaded: {}", e.toString(), Failures.bug(e));
                ui.execute(() -> status.set(messages.text("meeting.unavailable")));
            }
        });
    }

    List<Tile> tiles(Evaluation.Summary summary) {
        List<Tile> out = new ArrayList<>();
        for (Evaluation.Figure f : summary.figures()) {
            boolean rate = f.id().endsWith("Rate");
            out.add(new Tile(f.id(), f.name(), format(f.value(), rate), change(f.value(), f.previous(), rate),
                    change(f.value(), f.lastYear(), rate), better(f), worse(f)));
        }
        return out;
    }

    private static boolean better(Evaluation.Figure f) {
        if (f.value() == null || f.previous() == null || !f.id().endsWith("Rate")) {
            return false;
        }
        return Evaluation.lowerIsBetter(f.id()) ? f.value() < f.previous() : f.value() > f.previous();
    }

    private static boolean worse(Evaluation.Figure f) {
        if (f.value() == null || f.previous() == null || !f.id().endsWith("Rate")) {
            return false;
        }
        return Evaluation.lowerIsBetter(f.id()) ? f.value() > f.previous() : f.value() < f.previous();
    }

    private static String format(Double v, boolean rate) {
        if (v == null) {
            return "—";
        }
        return rate ? String.format(Locale.ROOT, "%.2f%%", v) : String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    /** "+0.31 个百分点" for rates, "+4.2%" for counts; blank without a comparison. */
    private String change(Double now, Double before, boolean rate) {
        if (now == null || before == null) {
            return messages.text("meeting.change.none");
        }
        if (rate) {
            return messages.text("meeting.change.points", String.format(Locale.ROOT, "%+.2f", now - before));
        }
        if (before == 0) {
            return messages.text("meeting.change.none");
        }
        return messages.text("meeting.change.percent", String.format(Locale.ROOT, "%+.1f", (now - before) * 100 / before));
    }

    /** Ranked by composite, best first; last places marked by {@link Evaluation#lastPlaces}. */
    static List<Ranked> ranked(String subject, Evaluation.Report report) {
        List<Evaluation.Row> rows = report.rows().stream().filter(r -> r.composite() != null)
                .sorted(Comparator.comparingDouble(Evaluation.Row::composite).reversed()).toList();
        List<Ranked> out = new ArrayList<>();
        boolean[] last = Evaluation.lastPlaces(rows.stream().map(Evaluation.Row::composite).toList());
        for (int i = 0; i < rows.size(); i++) {
            Evaluation.Row r = rows.get(i);
            boolean worst = last[i];
            out.add(new Ranked(subject, r.key(), r.name(), r.composite(), r.grade(), r.rank() == null ? i + 1 : r.rank(),
                    r.rates().get("closeRate"), r.rates().get("inTimeCloseRate"), r.rates().get("reworkRate"), worst));
        }
        return out;
    }

    /** The cases behind a figure: the whole city's ({@code subject} null) or one department's or district's. */
    public void drill(String indicator, String label, String subject, String name) {
        String period = period();
        behindTitle.set(messages.text("meeting.behind.loading", name == null ? messages.text("meeting.city") : name, label));
        background.execute(() -> {
            try {
                Evaluation.TracePage page = api.cases(indicator, subject, "numerator", period, 200);
                List<Behind> lines = page.items().stream().map(i -> new Behind(i.caseId(), messages.text(
                        "meeting.behind.line", i.caseNo(), labels.state(i.state()),
                        classNames.getOrDefault(i.smallCode(), i.smallCode()), i.gridCode() == null ? "—"
                                : i.gridCode()), i.lng(), i.lat(), "closed".equals(i.state()))).toList();
                ui.execute(() -> {
                    behind.setAll(lines);
                    behindTitle.set(messages.text("meeting.behind", name == null ? messages.text("meeting.city") : name,
                            label, page.total(), lines.size()));
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cases behind {} not loaded: {}", indicator, e.toString(), Failures.bug(e));
                ui.execute(() -> behindTitle.set(messages.text("meeting.unavailable")));
            }
        });
    }

    /** Records what the meeting decided on a ledger entry (notes, decision, claiming department, 现场交办). */
    public void discuss(Ledger.Entry entry, String notes, String decision, String departmentCode, boolean onTheSpot) {
        if (notes == null || notes.isBlank()) {
            status.set(messages.text("meeting.discuss.notes"));
            return;
        }
        Ledger.NewDiscussion d = new Ledger.NewDiscussion(notes.trim(), decision == null || decision.isBlank() ? null
                : decision.trim(), departmentCode, null, onTheSpot);
        background.execute(() -> {
            try {
                Ledger.Entry now = api.discuss(entry.caseId(), d);
                ui.execute(() -> {
                    int i = indexOf(now.caseId());
                    if (i >= 0) {
                        ledger.set(i, now);
                    }
                    status.set(messages.text("meeting.discussed", now.caseNo()));
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("Discussion of case {} not recorded: {}", entry.caseId(), e.toString(), Failures.bug(e));
                ui.execute(() -> status.set(messages.text("meeting.discuss.failed", entry.caseNo())));
            }
        });
    }

    /** Reports are for leaders and shift leaders; a role that may not read them just sees none. */
    private List<Reports.ReportInfo> reportsOrNone() {
        try {
            return api.reports();
        } catch (IOException e) {
            LOG.info("Reports not listed: {}", e.toString());
            return List.of();
        }
    }

    /** Generates the shown month's 月考核 report (PDF + XLSX) on the platform and lists it first. */
    public void generateMonthly() {
        String period = month.get().toString();
        status.set(messages.text("meeting.report.generating", period));
        background.execute(() -> {
            try {
                Reports.ReportInfo made = api.generate("monthly", period);
                ui.execute(() -> {
                    reports.add(0, made);
                    status.set(messages.text("meeting.report.generated", made.title()));
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("Monthly report {} not generated: {}", period, e.toString(), Failures.bug(e));
                ui.execute(() -> status.set(messages.text("meeting.report.failed")));
            }
        });
    }

    /** Saves both files of a report under the console's data folder and says where. */
    public void download(Reports.ReportInfo report) {
        if (report == null) {
            status.set(messages.text("meeting.report.select"));
            return;
        }
        background.execute(() -> {
            try {
                String base = report.kind() + "-" + report.period() + "-" + report.id();
                Path pdf = downloads.resolve(base + ".pdf");
                Path xlsx = downloads.resolve(base + ".xlsx");
                api.download(report.id(), "pdf", pdf);
                api.download(report.id(), "xlsx", xlsx);
                ui.execute(() -> status.set(messages.text("meeting.report.saved", pdf.getParent())));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Report {} not saved: {}", report.id(), e.toString(), Failures.bug(e));
                ui.execute(() -> status.set(messages.text("meeting.report.failed")));
            }
        });
    }

    public ObservableList<Reports.ReportInfo> reports() {
        return reports;
    }

    /** The decision form was used without a ledger entry chosen. */
    public void askToSelect() {
        status.set(messages.text("meeting.discuss.select"));
    }

    private int indexOf(long caseId) {
        for (int i = 0; i < ledger.size(); i++) {
            if (ledger.get(i).caseId() == caseId) {
                return i;
            }
        }
        return -1;
    }

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ObservableList<Tile> tiles() {
        return tiles;
    }

    public ObservableList<Ranked> departments() {
        return departments;
    }

    public ObservableList<Ranked> districts() {
        return districts;
    }

    public ObservableList<Evaluation.Day> trend() {
        return trend;
    }

    public ObservableList<String> topClasses() {
        return topClasses;
    }

    /** The month's hot spots, worst first, named by their place (the grid code in {@link HotSpot#detail()}). */
    public ObservableList<HotSpot> hotGrids() {
        return hotGrids;
    }

    /** The grid code of each line of {@link #hotGrids()}, same order. */
    public String hotGridCode(int index) {
        return index >= 0 && index < hotGrids.size() ? hotGrids.get(index).gridCode() : null;
    }

    /**
     * A hot spot as the meeting reads it: {@code text} the place (district · street · community, named by the
     * platform's one rule, {@code Places}) and the count; {@code detail} the grid code, small, for who needs it.
     * A platform that does not name grids yet leaves the code as the place.
     */
    public record HotSpot(String gridCode, String place, long count, String text, String detail) {
    }

    HotSpot hotSpot(Evaluation.Top t) {
        String place = t.name() == null || t.name().isBlank() ? t.key() : t.name();
        return new HotSpot(t.key(), place, t.count(), messages.text("meeting.top", place, t.count()),
                messages.text("meeting.hotSpot.grid", t.key()));
    }

    public ObservableList<Ledger.Entry> ledger() {
        return ledger;
    }

    public ObservableList<Behind> behind() {
        return behind;
    }

    public ReadOnlyStringProperty ledgerFiguresProperty() {
        return ledgerFigures.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty behindTitleProperty() {
        return behindTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
