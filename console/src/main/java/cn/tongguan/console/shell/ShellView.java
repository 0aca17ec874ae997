package cn.tongguan.console.shell;

import cn.tongguan.console.i18n.Messages;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Code-behind of {@code Shell.fxml}: the window, the sign-in page until someone signs in, then the modes the
 * role may use.
 */
public final class ShellView {
    private final ShellViewModel viewModel;
    private final Messages messages;
    private Parent root;

    @FXML
    private Label statusLabel;
    @FXML
    private Label userLabel;
    @FXML
    private StackPane content;
    @FXML
    private TabPane modes;
    @FXML
    private Tab seatTab;
    @FXML
    private Tab wallTab;
    @FXML
    private Tab meetingTab;

    public ShellView(ShellViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    public void show(Stage stage) {
        root = Fxml.load(ShellView.class, "Shell.fxml", this, messages);
        Scene scene = new Scene(root, 1440, 900);
        stage.setTitle(viewModel.title());
        stage.setScene(scene);
        stage.show();
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(viewModel.statusProperty());
        userLabel.textProperty().bind(viewModel.userProperty());
        viewModel.connectedProperty().addListener((obs, was, is) ->
                statusLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass("offline"), !is));
        statusLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass("offline"), true);
    }

    /** Shows the sign-in page over the (hidden) modes. */
    public void showLogin(Parent login) {
        login.setId("loginPage");
        content.getChildren().removeIf(n -> "loginPage".equals(n.getId()));
        content.getChildren().add(login);
        modes.setVisible(false);
    }

    /** After an auditor's sign-in: the audit log alone (an auditor has no seat, wall or meeting). */
    public void showAudit(Parent audit) {
        content.getChildren().removeIf(n -> "loginPage".equals(n.getId()));
        audit.setId("auditPage");
        content.getChildren().add(audit);
        modes.setVisible(false);
    }

    /** After sign-in: the seat workstation (if any) in its tab, and only the modes of the role. */
    public void showModes(Parent seat, List<String> visibleModes) {
        showModes(seat, null, visibleModes);
    }

    /** As above, with the meeting view (if the role has one) in its tab. */
    public void showModes(Parent seat, Parent meeting, List<String> visibleModes) {
        content.getChildren().removeIf(n -> "loginPage".equals(n.getId()));
        if (seat != null) {
            seatTab.setContent(seat);
        }
        if (meeting != null) {
            meetingTab.setContent(meeting);
        }
        modes.getTabs().setAll(List.of(seatTab, wallTab, meetingTab).stream()
                .filter(t -> visibleModes.contains(modeOf(t))).toList());
        modes.setVisible(true);
        if (seat == null && meeting != null) {
            // A leader's console opens on the meeting; the wall runs on the hall's own PC.
            modes.getSelectionModel().select(meetingTab);
        }
    }

    private String modeOf(Tab tab) {
        return tab == seatTab ? "seat" : tab == wallTab ? "wall" : "meeting";
    }
}
