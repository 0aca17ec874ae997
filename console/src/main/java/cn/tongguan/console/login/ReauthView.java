package cn.tongguan.console.login;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.shell.Fxml;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;

/**
 * Code-behind of {@code Reauth.fxml}: the panel over the seat. {@link #over} stacks it on the seat's screen, which
 * stays underneath untouched (and unreachable by mouse or keyboard while the panel shows).
 */
public final class ReauthView {
    private final ReauthViewModel viewModel;
    private final Parent root;

    @FXML
    private Label reauthTitle;
    @FXML
    private Label reauthHint;
    @FXML
    private PasswordField reauthPassword;
    @FXML
    private Button reauthButton;
    @FXML
    private Label reauthError;

    public ReauthView(ReauthViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = Fxml.load(ReauthView.class, "Reauth.fxml", this, messages);
    }

    /** The seat with this panel over it. */
    public StackPane over(Node seat) {
        return over(seat, null);
    }

    /**
     * As above; with {@code idleLock}, the seat also locks after that long without keyboard or mouse input (the
     * seat policy's {@code idle.lock.minutes}). Sync and the outbox keep running underneath.
     */
    public StackPane over(Node seat, java.time.Duration idleLock) {
        StackPane stack = new StackPane(seat, root);
        if (idleLock != null) {
            javafx.animation.PauseTransition idle = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(idleLock.toMillis()));
            idle.setOnFinished(e -> viewModel.lock());
            // The idle clock runs only while the seat is open: it starts again when the panel goes, so a slow
            // password check cannot leave the operator a fraction of the idle time before the next lock.
            stack.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> {
                if (!viewModel.showingProperty().get()) {
                    idle.playFromStart();
                }
            });
            viewModel.showingProperty().addListener((o, was, now) -> {
                if (now) {
                    idle.stop();
                } else {
                    idle.playFromStart();
                }
            });
            idle.play();
        }
        root.visibleProperty().bind(viewModel.showingProperty());
        root.managedProperty().bind(viewModel.showingProperty());
        // The seat underneath takes no input while locked: its shortcuts would act behind the panel.
        seat.disableProperty().bind(viewModel.showingProperty());
        viewModel.showingProperty().addListener((o, was, now) -> {
            if (now) {
                Platform.runLater(reauthPassword::requestFocus);
            }
        });
        return stack;
    }

    @FXML
    private void initialize() {
        reauthTitle.textProperty().bind(viewModel.titleProperty());
        reauthHint.textProperty().bind(viewModel.hintProperty());
        reauthError.textProperty().bind(viewModel.errorProperty());
        reauthPassword.textProperty().bindBidirectional(viewModel.passwordProperty());
        reauthButton.disableProperty().bind(viewModel.busyProperty());
        reauthPassword.setOnAction(e -> viewModel.submit());
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }
}
