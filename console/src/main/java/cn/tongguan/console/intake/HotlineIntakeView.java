package cn.tongguan.console.intake;

import cn.tongguan.api.Geocoding;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.queue.Choice;
import cn.tongguan.console.shell.Fxml;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Code-behind of {@code HotlineIntake.fxml}. Keyboard first: Enter in the address locates it, ↓ moves from a search
 * field into its list, Ctrl+Enter files the order from anywhere in the form, Esc goes back to the case.
 */
public final class HotlineIntakeView {
    private final HotlineIntakeViewModel viewModel;
    private final Runnable onBack;
    private final Parent root;

    @FXML
    private ComboBox<Choice> channel;
    @FXML
    private ComboBox<Choice> requestType;
    @FXML
    private CheckBox urgent;
    @FXML
    private TextField caller;
    @FXML
    private TextField phone;
    @FXML
    private TextArea requestText;
    @FXML
    private TextField address;
    @FXML
    private ListView<Geocoding.Candidate> places;
    @FXML
    private Label placeText;
    @FXML
    private TextField classSearch;
    @FXML
    private ListView<Choice> classes;
    @FXML
    private Button submitButton;
    @FXML
    private Label intakeStatus;

    public HotlineIntakeView(HotlineIntakeViewModel viewModel, Messages messages, Runnable onBack) {
        this.viewModel = viewModel;
        this.onBack = onBack;
        this.root = Fxml.load(HotlineIntakeView.class, "HotlineIntake.fxml", this, messages);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                submit();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                back();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Focus on the first field, ready for the next call. */
    public void focus() {
        Platform.runLater(() -> caller.requestFocus());
    }

    @FXML
    private void initialize() {
        channel.getItems().setAll(viewModel.channels());
        channel.valueProperty().bindBidirectional(viewModel.channelProperty());
        requestType.getItems().setAll(viewModel.requestTypes());
        requestType.valueProperty().bindBidirectional(viewModel.requestTypeProperty());
        urgent.selectedProperty().bindBidirectional(viewModel.urgentProperty());
        caller.textProperty().bindBidirectional(viewModel.callerProperty());
        phone.textProperty().bindBidirectional(viewModel.phoneProperty());
        requestText.textProperty().bindBidirectional(viewModel.contentProperty());
        address.textProperty().bindBidirectional(viewModel.addressProperty());
        classSearch.textProperty().bindBidirectional(viewModel.classSearchProperty());
        places.setItems(viewModel.places());
        places.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Geocoding.Candidate c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.label() + (c.gridCode() == null ? "" : "  ·  " + c.gridCode()));
            }
        });
        viewModel.placeProperty().addListener((o, a, p) -> {
            if (places.getSelectionModel().getSelectedItem() != p) {
                places.getSelectionModel().select(p);
            }
        });
        places.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                viewModel.placeProperty().set(p);
            }
        });
        placeText.textProperty().bind(viewModel.placeTextProperty());
        classes.setItems(viewModel.classes());
        // A new search result clears the list's selection; the chosen class stays chosen.
        viewModel.classes().addListener((javafx.collections.ListChangeListener<Choice>) change ->
                classes.getSelectionModel().select(viewModel.categoryProperty().get()));
        viewModel.categoryProperty().addListener((o, a, c) -> {
            if (c != null && classes.getSelectionModel().getSelectedItem() != c) {
                classes.getSelectionModel().select(c);
            }
        });
        classes.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                viewModel.categoryProperty().set(c);
            }
        });
        if (viewModel.categoryProperty().get() != null) {
            classes.getSelectionModel().select(viewModel.categoryProperty().get());
        }
        intakeStatus.textProperty().bind(viewModel.statusProperty());
        submitButton.disableProperty().bind(viewModel.busyProperty());
        address.setOnAction(e -> viewModel.locate());
        downInto(address, places);
        downInto(classSearch, classes);
    }

    private static void downInto(TextField field, ListView<?> list) {
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                e.consume();
                list.requestFocus();
            }
        });
    }

    @FXML
    private void locate() {
        viewModel.locate();
    }

    @FXML
    private void submit() {
        if (viewModel.submit()) {
            caller.requestFocus();
        }
    }

    @FXML
    private void clear() {
        viewModel.clear();
        caller.requestFocus();
    }

    @FXML
    private void back() {
        onBack.run();
    }
}
