package cn.tongguan.console.alarms;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.shell.Fxml;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Code-behind of {@code AlarmDesk.fxml}: K acknowledges, C clears (in the list), Esc goes back to the case. */
public final class AlarmDeskView {
    private final AlarmDeskViewModel viewModel;
    private final Runnable onBack;
    private final Parent root;

    @FXML
    private ListView<AlarmDeskViewModel.Line> alarmList;
    @FXML
    private TextField alarmNote;
    @FXML
    private Label alarmStatus;

    public AlarmDeskView(AlarmDeskViewModel viewModel, Messages messages, Runnable onBack) {
        this.viewModel = viewModel;
        this.onBack = onBack;
        this.root = Fxml.load(AlarmDeskView.class, "AlarmDesk.fxml", this, messages);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                back();
            } else if (alarmList.isFocused() && e.getCode() == KeyCode.K) {
                e.consume();
                acknowledge();
            } else if (alarmList.isFocused() && e.getCode() == KeyCode.C) {
                e.consume();
                clear();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Reads the alarms again and puts the caret on the first one. */
    public void focus() {
        viewModel.load();
        Platform.runLater(() -> {
            alarmList.requestFocus();
            if (alarmList.getSelectionModel().isEmpty() && !alarmList.getItems().isEmpty()) {
                alarmList.getSelectionModel().select(0);
            }
        });
    }

    @FXML
    private void initialize() {
        alarmList.setItems(viewModel.alarms());
        alarmStatus.textProperty().bind(viewModel.statusProperty());
        viewModel.alarms().addListener((javafx.collections.ListChangeListener<AlarmDeskViewModel.Line>) c -> {
            if (alarmList.getSelectionModel().isEmpty() && !alarmList.getItems().isEmpty()) {
                alarmList.getSelectionModel().select(0);
            }
        });
    }

    @FXML
    private void acknowledge() {
        viewModel.acknowledge(alarmList.getSelectionModel().getSelectedItem(), alarmNote.getText());
        alarmNote.clear();
    }

    @FXML
    private void clear() {
        viewModel.clear(alarmList.getSelectionModel().getSelectedItem(), alarmNote.getText());
        alarmNote.clear();
    }

    @FXML
    private void back() {
        onBack.run();
    }
}
