package cn.tongguan.console.login;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.shell.Fxml;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Code-behind of {@code Login.fxml}. Enter in either field signs in. */
public final class LoginView {
    private final LoginViewModel viewModel;
    private final Parent root;

    @FXML
    private TextField username;
    @FXML
    private PasswordField password;
    @FXML
    private Button loginButton;
    @FXML
    private Label loginError;

    public LoginView(LoginViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = Fxml.load(LoginView.class, "Login.fxml", this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        loginError.textProperty().bind(viewModel.errorProperty());
        loginButton.disableProperty().bind(viewModel.busyProperty());
        username.setOnAction(e -> password.requestFocus());
        password.setOnAction(e -> viewModel.login());
        Platform.runLater(username::requestFocus);
    }

    @FXML
    private void login() {
        viewModel.login();
    }
}
