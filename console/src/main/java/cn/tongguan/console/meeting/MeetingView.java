package cn.tongguan.console.meeting;

import cn.tongguan.api.Evaluation;
import cn.tongguan.api.Ledger;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.queue.Choice;
import cn.tongguan.console.shell.Fxml;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * Code-behind of {@code Meeting.fxml}: tiles, rankings and trend as charts (worst three in red), the ledger with the
 * meeting's decision form, and the cases behind whatever was clicked. PageUp / PageDown change the month.
 */
public final class MeetingView {
    private final MeetingViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private final MeetingMap map;

    @FXML
    private Button previousButton;
    @FXML
    private Label meetingTitle;
    @FXML
    private Label meetingStatus;
    @FXML
    private TilePane tiles;
    @FXML
    private BarChart<Number, String> departmentChart;
    @FXML
    private BarChart<Number, String> districtChart;
    @FXML
    private LineChart<String, Number> trendChart;
    @FXML
    private Label ledgerFigures;
    @FXML
    private TableView<Ledger.Entry> ledgerTable;
    @FXML
    private TextField discussNotes;
    @FXML
    private TextField discussDecision;
    @FXML
    private ComboBox<Choice> discussDepartment;
    @FXML
    private CheckBox discussOnTheSpot;
    @FXML
    private Button discussButton;
    @FXML
    private ListView<String> topClasses;
    @FXML
    private ListView<MeetingViewModel.HotSpot> hotGrids;
    @FXML
    private ComboBox<cn.tongguan.api.Reports.ReportInfo> reportChoice;
    @FXML
    private Label behindTitle;
    @FXML
    private ListView<MeetingViewModel.Behind> behindList;
    @FXML
    private javafx.scene.layout.StackPane mapHolder;

    public MeetingView(MeetingViewModel viewModel, Messages messages, MeetingMap map) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.map = map;
        this.root = Fxml.load(MeetingView.class, "Meeting.fxml", this, messages);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.PAGE_UP) {
                e.consume();
                viewModel.previousMonth();
            } else if (e.getCode() == KeyCode.PAGE_DOWN) {
                e.consume();
                viewModel.nextMonth();
            }
        });
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        meetingTitle.textProperty().bind(viewModel.titleProperty());
        meetingStatus.textProperty().bind(viewModel.statusProperty());
        ledgerFigures.textProperty().bind(viewModel.ledgerFiguresProperty());
        behindTitle.textProperty().bind(viewModel.behindTitleProperty());
        topClasses.setItems(viewModel.topClasses());
        hotGrids.setItems(viewModel.hotGrids());
        hotGrids.setCellFactory(v -> new HotSpotCell());
        behindList.setItems(viewModel.behind());
        behindList.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(MeetingViewModel.Behind b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.text());
            }
        });
        mapHolder.getChildren().setAll(map.view());
        viewModel.behind().addListener((ListChangeListener<MeetingViewModel.Behind>) c -> map.cases(viewModel.behind()));
        hotGrids.getSelectionModel().selectedIndexProperty().addListener((o, was, i) -> {
            String code = viewModel.hotGridCode(i.intValue());
            if (code != null) {
                map.grid(code);
            }
        });
        viewModel.tiles().addListener((ListChangeListener<MeetingViewModel.Tile>) c -> buildTiles());
        viewModel.departments().addListener((ListChangeListener<MeetingViewModel.Ranked>) c ->
                fillRanking(departmentChart, viewModel.departments()));
        viewModel.districts().addListener((ListChangeListener<MeetingViewModel.Ranked>) c ->
                fillRanking(districtChart, viewModel.districts()));
        viewModel.departments().addListener((ListChangeListener<MeetingViewModel.Ranked>) c ->
                discussDepartment.getItems().setAll(viewModel.departments().stream()
                        .map(r -> new Choice(r.key(), r.name())).toList()));
        viewModel.trend().addListener((ListChangeListener<Evaluation.Day>) c -> fillTrend());
        buildLedgerTable();
        reportChoice.setItems(viewModel.reports());
        reportChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(cn.tongguan.api.Reports.ReportInfo r) {
                return r == null ? "" : r.title();
            }

            @Override
            public cn.tongguan.api.Reports.ReportInfo fromString(String s) {
                return null;
            }
        });
        viewModel.reports().addListener((ListChangeListener<cn.tongguan.api.Reports.ReportInfo>) c -> {
            if (!viewModel.reports().isEmpty() && reportChoice.getValue() == null) {
                reportChoice.getSelectionModel().select(0);
            }
        });
        discussNotes.setOnAction(e -> discuss());
        // Keyboard first: the focus starts inside the meeting, so PageUp / PageDown work at once.
        previousButton.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(previousButton::requestFocus);
            }
        });
    }

    private void buildTiles() {
        tiles.getChildren().clear();
        for (MeetingViewModel.Tile t : viewModel.tiles()) {
            Label value = new Label(t.value());
            value.getStyleClass().add("meeting-tile-value");
            Label label = new Label(t.label());
            label.getStyleClass().add("meeting-tile-label");
            Label prev = new Label(messages.text("meeting.vsPrevious", t.vsPrevious()));
            prev.getStyleClass().add("meeting-tile-change");
            Label year = new Label(messages.text("meeting.vsLastYear", t.vsLastYear()));
            year.getStyleClass().add("meeting-tile-change");
            VBox tile = new VBox(2, label, value, prev, year);
            tile.setId("tile-" + t.indicator());
            tile.getStyleClass().add("meeting-tile");
            if (t.better()) {
                tile.getStyleClass().add("better");
            }
            if (t.worse()) {
                tile.getStyleClass().add("worse");
            }
            Tooltip.install(tile, new Tooltip(messages.text("meeting.tile.tooltip", t.label())));
            tile.setOnMouseClicked(e -> viewModel.drill(t.indicator(), t.label(), null, null));
            tiles.getChildren().add(tile);
        }
    }

    /** Bars readable from across the hall: the best ones and the last three, not every unit of a long list. */
    private static final int MAX_BARS = 12;

    /** Best at the top; a click on a bar lists the cases behind that unit's 结案率. */
    private void fillRanking(BarChart<Number, String> chart, List<MeetingViewModel.Ranked> all) {
        List<MeetingViewModel.Ranked> rows = all;
        if (all.size() > MAX_BARS) {
            rows = new java.util.ArrayList<>(all.subList(0, MAX_BARS - 3));
            rows.addAll(all.subList(all.size() - 3, all.size()));
        }
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            MeetingViewModel.Ranked r = rows.get(i);
            String category = messages.text("meeting.rank", r.rank(), r.name(), r.grade());
            XYChart.Data<Number, String> d = new XYChart.Data<>(r.composite(), category);
            d.nodeProperty().addListener((o, was, node) -> decorate(node, r));
            series.getData().add(d);
        }
        chart.getData().setAll(List.of(series));
    }

    private void decorate(Node node, MeetingViewModel.Ranked r) {
        if (node == null) {
            return;
        }
        if (r.worst()) {
            // Inline: the chart resets a bar's style classes after handing it over.
            node.setStyle("-fx-bar-fill: #ef5350;");
        }
        Tooltip.install(node, new Tooltip(messages.text("meeting.rank.tooltip", r.name(), r.composite(), r.grade(),
                percent(r.closeRate()), percent(r.inTimeCloseRate()), percent(r.reworkRate()))));
        node.setOnMouseClicked(e -> viewModel.drill("closeRate", messages.text("meeting.closeRate.needed"),
                r.subject() + ":" + r.key(), r.name()));
    }

    private static String percent(Double v) {
        return v == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f%%", v);
    }

    private void fillTrend() {
        XYChart.Series<String, Number> received = new XYChart.Series<>();
        received.setName(messages.text("meeting.trend.received"));
        XYChart.Series<String, Number> closed = new XYChart.Series<>();
        closed.setName(messages.text("meeting.trend.closed"));
        for (Evaluation.Day d : viewModel.trend()) {
            String day = d.date().length() >= 10 ? d.date().substring(8) : d.date();
            received.getData().add(new XYChart.Data<>(day, d.received()));
            closed.getData().add(new XYChart.Data<>(day, d.closed()));
        }
        trendChart.getData().setAll(List.of(received, closed));
    }

    private void buildLedgerTable() {
        ledgerTable.setItems(viewModel.ledger());
        // Not the toolkit's "No content in table", which follows the host's language.
        ledgerTable.setPlaceholder(new Label(messages.text("meeting.ledger.empty")));
        ledgerTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ledgerTable.getColumns().setAll(List.of(
                column(messages.text("meeting.ledger.caseNo"), e -> e.caseNo()),
                column(messages.text("meeting.ledger.age"), e -> messages.text("meeting.ledger.days", e.ageDays())),
                column(messages.text("meeting.ledger.department"), e -> departmentName(
                        e.claimedBy() != null ? e.claimedBy() : e.caseDepartmentCode())),
                column(messages.text("meeting.ledger.state"), e -> (e.overdue() ? messages.text("meeting.ledger.overdue")
                        : "") + (e.assignedAt() != null ? messages.text("meeting.ledger.assigned") : "")),
                column(messages.text("meeting.ledger.reason"), e -> e.reason() == null ? "" : e.reason())));
    }

    private String departmentName(String code) {
        if (code == null) {
            return "—";
        }
        return viewModel.departments().stream().filter(r -> r.key().equals(code)).map(MeetingViewModel.Ranked::name)
                .findFirst().orElse(code);
    }

    private TableColumn<Ledger.Entry, String> column(String title, java.util.function.Function<Ledger.Entry, String> f) {
        TableColumn<Ledger.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        return c;
    }

    @FXML
    private void generate() {
        viewModel.generateMonthly();
    }

    @FXML
    private void download() {
        viewModel.download(reportChoice.getValue());
    }

    @FXML
    private void previous() {
        viewModel.previousMonth();
    }

    @FXML
    private void next() {
        viewModel.nextMonth();
    }

    @FXML
    private void discuss() {
        Ledger.Entry entry = ledgerTable.getSelectionModel().getSelectedItem();
        if (entry == null) {
            viewModel.askToSelect();
            return;
        }
        Choice dept = discussDepartment.getValue();
        viewModel.discuss(entry, discussNotes.getText(), discussDecision.getText(), dept == null ? null : dept.code(),
                discussOnTheSpot.isSelected());
        discussNotes.clear();
        discussDecision.clear();
        discussOnTheSpot.setSelected(false);
    }

    /** A hot spot: its place and count large, the grid code small beneath and in the tooltip. */
    private static final class HotSpotCell extends javafx.scene.control.ListCell<MeetingViewModel.HotSpot> {
        private final Label code = new Label();

        HotSpotCell() {
            code.getStyleClass().add("meeting-hotspot-code");
        }

        @Override
        protected void updateItem(MeetingViewModel.HotSpot h, boolean empty) {
            super.updateItem(h, empty);
            if (empty || h == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(h.text());
            code.setText(h.detail());
            setGraphic(code);
            setContentDisplay(javafx.scene.control.ContentDisplay.BOTTOM);
            setTooltip(new javafx.scene.control.Tooltip(h.detail()));
        }
    }
}
