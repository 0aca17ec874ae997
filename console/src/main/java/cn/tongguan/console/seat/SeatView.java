package cn.tongguan.console.seat;

import cn.tongguan.console.queue.QueueTab;
import cn.tongguan.console.detail.CaseDetailView;
import cn.tongguan.console.detail.CaseDetailViewModel;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.intake.HotlineIntakeView;
import cn.tongguan.console.intake.HotlineIntakeViewModel;
import cn.tongguan.console.queue.QueueView;
import cn.tongguan.console.queue.QueueViewModel;
import cn.tongguan.console.shell.Fxml;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/**
 * The seat workstation: queue on the left, case on the right, sync status below; and the keyboard: a letter
 * acts on the shown case, Ctrl+1…7 switch tabs, Ctrl+F searches, Ctrl+P pushes the case to the wall, Ctrl+M opens
 * the 一张图, F1 shows the cheat sheet.
 */
public final class SeatView {
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    private final SeatViewModel viewModel;
    private final QueueView queue;
    private final CaseDetailView detail;
    private final CaseDetailViewModel detailModel;
    private final Messages messages;
    private final Parent root;
    /** The hotline form, for roles that take calls; it takes the detail's place while open. */
    private HotlineIntakeView intake;
    /** The 一张图 (Ctrl+M), full screen in the seat's place while open. */
    private cn.tongguan.console.citymap.CityMapView cityMap;
    /** The alarm desk (Ctrl+L), for roles that acknowledge lifeline alarms. */
    private cn.tongguan.console.alarms.AlarmDeskView alarms;

    @FXML
    private SplitPane seatSplit;
    @FXML
    private Label syncStatus;
    @FXML
    private Label seatRole;
    @FXML
    private Label pushStatus;
    @FXML
    private HBox snapshotBanner;
    @FXML
    private ProgressBar snapshotBar;
    @FXML
    private Label snapshotText;
    private final cn.tongguan.console.detail.WallPushViewModel push;

    public SeatView(SeatViewModel viewModel, QueueViewModel queueModel, CaseDetailViewModel detailModel,
                    Messages messages, cn.tongguan.console.detail.CaseMap caseMap,
                    cn.tongguan.console.detail.WallPushViewModel push) {
        this.viewModel = viewModel;
        this.detailModel = detailModel;
        this.messages = messages;
        this.push = push;
        this.queue = new QueueView(queueModel, messages);
        this.detail = new CaseDetailView(detailModel, messages, caseMap, this::pushToWall);
        this.root = Fxml.load(SeatView.class, "Seat.fxml", this, messages);
        QueueViewModel q = queueModel;
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> onKey(e, q));
    }

    public Parent root() {
        return root;
    }

    public QueueView queue() {
        return queue;
    }

    /** Adds the hotline work-order form (Ctrl+N), for roles that take calls. */
    public void attachIntake(HotlineIntakeViewModel model) {
        intake = new HotlineIntakeView(model, messages, this::showDetail);
    }

    /** Opens the hotline form in the detail's place, caret in the caller field. */
    public void showIntake() {
        if (intake != null) {
            seatSplit.getItems().set(1, intake.root());
            seatSplit.setDividerPositions(0.5);
            intake.focus();
        }
    }

    private void showDetail() {
        if (seatSplit.getItems().get(1) != detail.root()) {
            seatSplit.getItems().set(1, detail.root());
            seatSplit.setDividerPositions(0.64);
        }
        queue.table().requestFocus();
    }

    private boolean intakeShowing() {
        // The hotline form or the alarm desk: the right pane is not the case, so letters are typing, not actions.
        return seatSplit.getItems().get(1) != detail.root();
    }

    /**
     * Adds the 一张图 (Ctrl+M): {@code build} makes it with a way to open a case in this seat's detail and a way
     * back; it takes the queue and detail's place while open.
     */
    public void attachCityMap(java.util.function.BiFunction<java.util.function.LongConsumer, Runnable,
            cn.tongguan.console.citymap.CityMapView> build) {
        cityMap = build.apply(this::openFromMap, this::closeCityMap);
    }

    /** Shows the 一张图 in place of the queue and the case. */
    public void showCityMap() {
        if (cityMap != null && !cityMapShowing()) {
            ((javafx.scene.layout.BorderPane) root).setCenter(cityMap.root());
            cityMap.opened();
        }
    }

    private boolean cityMapShowing() {
        return cityMap != null && ((javafx.scene.layout.BorderPane) root).getCenter() == cityMap.root();
    }

    private void closeCityMap() {
        if (cityMapShowing()) {
            ((javafx.scene.layout.BorderPane) root).setCenter(seatSplit);
            queue.table().requestFocus();
        }
    }

    /** A case clicked on the map: back to the seat with the case in the detail pane. */
    private void openFromMap(long caseId) {
        closeCityMap();
        showDetail();
        detailModel.show(caseId);
    }

    /** Adds the alarm desk (Ctrl+L). */
    public void attachAlarms(cn.tongguan.console.alarms.AlarmDeskViewModel model) {
        alarms = new cn.tongguan.console.alarms.AlarmDeskView(model, messages, this::showDetail);
    }

    /** Opens the alarm desk in the detail's place. */
    public void showAlarms() {
        if (alarms != null) {
            seatSplit.getItems().set(1, alarms.root());
            seatSplit.setDividerPositions(0.5);
            alarms.focus();
        }
    }

    @FXML
    private void initialize() {
        seatSplit.getItems().setAll(queue.root(), detail.root());
        seatSplit.setDividerPositions(0.64);
        // No row highlighted (a search or an event took it away): the detail shows no case, so no letter acts.
        queue.onSelect(id -> {
            if (id < 0) {
                detailModel.clear();
            } else {
                detailModel.show(id);
            }
        });
        syncStatus.textProperty().bind(viewModel.syncTextProperty());
        snapshotBanner.visibleProperty().bind(viewModel.snapshottingProperty());
        snapshotBanner.managedProperty().bind(viewModel.snapshottingProperty());
        snapshotBar.progressProperty().bind(viewModel.snapshotProgressProperty());
        snapshotText.textProperty().bind(viewModel.snapshotTextProperty());
        queue.emptyText(viewModel.queueEmptyTextProperty());
        viewModel.liveProperty().addListener((o, a, live) -> syncStatus.pseudoClassStateChanged(OFFLINE, !live));
        syncStatus.pseudoClassStateChanged(OFFLINE, true);
        seatRole.setText(messages.text("seat.role", viewModel.roleLabel()));
        pushStatus.textProperty().bind(push.statusProperty());
        // The seat starts in the queue, ready for the keyboard, as soon as it is on screen.
        queue.table().sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                Platform.runLater(() -> queue.table().requestFocus());
            }
        });
    }

    private void onKey(KeyEvent e, QueueViewModel q) {
        if (cityMapShowing()) {
            // The map has its own keys (arrows, +/−, Backspace); letters never act on a case from here.
            boolean leave = e.isShortcutDown() && e.getCode() == KeyCode.M
                    || e.getCode() == KeyCode.ESCAPE && cityMap.depth() == 0;
            if (leave) {
                closeCityMap();
                e.consume();
            }
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.M && cityMap != null) {
            showCityMap();
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.F1) {
            showCheatSheet();
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.L && alarms != null) {
            showAlarms();
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.N && intake != null) {
            showIntake();
            e.consume();
            return;
        }
        if (intakeShowing()) {
            // The form handles its own keys (Ctrl+Enter, Esc); letters are typing, not actions.
            return;
        }
        if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == KeyCode.P) {
            var shown = detailModel.presentProperty().get() ? detailModel.shownProperty().get() : null;
            if (shown != null) {
                push.pushNearestCamera(shown.lng(), shown.lat());
            }
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.P) {
            pushToWall();
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
            queue.searchField().requestFocus();
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode().isDigitKey()) {
            int n = Integer.parseInt(e.getCode().getName().replaceAll("\\D", ""));
            if (n >= 1 && n <= QueueTab.values().length) {
                q.tabProperty().set(QueueTab.values()[n - 1]);
                e.consume();
            }
            return;
        }
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (e.getCode() == KeyCode.ESCAPE && focus instanceof TextInputControl) {
            queue.table().requestFocus();
            e.consume();
            return;
        }
        if (focus instanceof TextInputControl || focus instanceof ComboBoxBase<?>
                || e.isShortcutDown() || e.isAltDown() || !e.getCode().isLetterKey()) {
            return;
        }
        char key = e.getCode().getName().charAt(0);
        // Only on the case the seat sees highlighted: never on one the detail still (or already) shows instead.
        detailModel.actionFor(key, queue.highlightedId()).ifPresent(action -> {
            e.consume();
            detail.trigger(action);
        });
    }

    /** "推送到大屏" for the case shown in the detail pane. */
    private void pushToWall() {
        var shown = detailModel.presentProperty().get() ? detailModel.shownProperty().get() : null;
        push.pushCase(shown == null ? -1 : shown.id(), shown == null ? "" : shown.caseNo());
    }

    private void showCheatSheet() {
        Alert sheet = new Alert(Alert.AlertType.INFORMATION);
        sheet.initOwner(root.getScene().getWindow());
        sheet.setTitle(messages.text("cheat.title"));
        sheet.setHeaderText(messages.text("cheat.header", viewModel.roleLabel()));
        sheet.setContentText(String.join("\n", viewModel.cheatSheet()));
        sheet.getDialogPane().setId("cheatSheet");
        cn.tongguan.console.shell.ControlTexts.dialog(sheet, messages);
        sheet.showAndWait();
    }
}
