package cn.tongguan.console.shell;

import cn.tongguan.console.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Code-behind of {@code Shell.fxml}: binds controls to the view model and nothing more. */
public final class ShellView {
    private final ShellViewModel viewModel;
    private final Messages messages;

    @FXML
    private Label statusLabel;

    public ShellView(ShellViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    public void show(Stage stage) {
        FXMLLoader loader = new FXMLLoader(ShellView.class.getResource("Shell.fxml"), messages.bundle());
        loader.setController(this);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Shell.fxml cannot be loaded", e);
        }
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(ShellView.class.getResource("Shell.css").toExternalForm());
        stage.setTitle(viewModel.title());
        stage.setScene(scene);
        stage.show();
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(viewModel.statusProperty());
        viewModel.connectedProperty().addListener((obs, was, is) ->
                statusLabel.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("offline"), !is));
        statusLabel.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("offline"), true);
    }
}
