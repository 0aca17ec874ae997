package cn.tongguan.console.audit;

import cn.tongguan.api.Audit;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.shell.Fxml;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Code-behind of {@code Audit.fxml}: the filters, the table of entries (times in Beijing time), the status line. */
public final class AuditView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final AuditViewModel viewModel;
    private final Parent root;

    @FXML
    private TextField actorFilter;
    @FXML
    private TextField actionFilter;
    @FXML
    private Button searchButton;
    @FXML
    private Label auditStatus;
    @FXML
    private TableView<Audit.Entry> auditTable;
    @FXML
    private TableColumn<Audit.Entry, String> timeColumn;
    @FXML
    private TableColumn<Audit.Entry, String> actorColumn;
    @FXML
    private TableColumn<Audit.Entry, String> actionColumn;
    @FXML
    private TableColumn<Audit.Entry, String> targetColumn;
    @FXML
    private TableColumn<Audit.Entry, String> outcomeColumn;
    @FXML
    private TableColumn<Audit.Entry, String> addressColumn;

    public AuditView(AuditViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = Fxml.load(AuditView.class, "Audit.fxml", this, messages);
    }

    @FXML
    private void initialize() {
        actorFilter.textProperty().bindBidirectional(viewModel.actorProperty());
        actionFilter.textProperty().bindBidirectional(viewModel.actionProperty());
        auditStatus.textProperty().bind(viewModel.statusProperty());
        auditTable.setItems(viewModel.entries());
        column(timeColumn, e -> TIME.format(e.at()));
        column(actorColumn, Audit.Entry::actor);
        column(actionColumn, Audit.Entry::action);
        column(targetColumn, Audit.Entry::target);
        column(outcomeColumn, Audit.Entry::outcome);
        column(addressColumn, Audit.Entry::address);
        searchButton.setOnAction(e -> viewModel.load());
        actorFilter.setOnAction(e -> viewModel.load());
        actionFilter.setOnAction(e -> viewModel.load());
    }

    private static void column(TableColumn<Audit.Entry, String> c, Function<Audit.Entry, String> value) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    public Parent root() {
        return root;
    }
}
