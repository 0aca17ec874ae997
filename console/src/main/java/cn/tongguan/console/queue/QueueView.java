package cn.tongguan.console.queue;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.shell.Fxml;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Code-behind of {@code Queue.fxml}. New rows are put in without moving the row the seat is on: the selected (or
 * else the top) row keeps its case and its place on screen.
 */
public final class QueueView {
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    private final QueueViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private final Map<QueueTab, ToggleButton> tabButtons = new EnumMap<>(QueueTab.class);
    private LongConsumer onSelect = id -> { };
    private boolean replacing;
    private final Label emptyLabel = new Label();

    @FXML
    private HBox tabs;
    @FXML
    private TextField queueSearch;
    @FXML
    private ComboBox<Choice> sourceFilter;
    @FXML
    private ComboBox<Choice> districtFilter;
    @FXML
    private ComboBox<Choice> departmentFilter;
    @FXML
    private ComboBox<Choice> classFilter;
    @FXML
    private TextField gridFilter;
    @FXML
    private ComboBox<Choice> lightFilter;
    @FXML
    private ComboBox<QueueQuery.Sort> sortChoice;
    @FXML
    private ComboBox<String> savedFilters;
    @FXML
    private TableView<QueueRow> queueTable;
    @FXML
    private TableColumn<QueueRow, String> colNo;
    @FXML
    private TableColumn<QueueRow, String> colSource;
    @FXML
    private TableColumn<QueueRow, String> colCategory;
    @FXML
    private TableColumn<QueueRow, String> colLocation;
    @FXML
    private TableColumn<QueueRow, String> colState;
    @FXML
    private TableColumn<QueueRow, QueueRow> colRemaining;
    @FXML
    private TableColumn<QueueRow, String> colDepartment;
    @FXML
    private TableColumn<QueueRow, String> colReported;
    @FXML
    private Label queueFooter;

    public QueueView(QueueViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = Fxml.load(QueueView.class, "Queue.fxml", this, messages);
    }

    public Parent root() {
        return root;
    }

    public TableView<QueueRow> table() {
        return queueTable;
    }

    public TextField searchField() {
        return queueSearch;
    }

    /** The case of the highlighted row, read through its index (the selected item can be stale); -1: none. */
    public long highlightedId() {
        int at = queueTable.getSelectionModel().getSelectedIndex();
        return at >= 0 && at < queueTable.getItems().size() ? queueTable.getItems().get(at).id() : -1;
    }

    /** Called with the case id when the seat moves to a row, and with -1 when no row is highlighted any more. */
    /** What the table says while it has no rows (the seat says whether its cases are still arriving). */
    public void emptyText(javafx.beans.value.ObservableValue<String> text) {
        emptyLabel.textProperty().bind(text);
    }

    public void onSelect(LongConsumer listener) {
        this.onSelect = listener;
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        int n = 1;
        for (QueueTab tab : QueueTab.values()) {
            ToggleButton button = new ToggleButton(viewModel.labels().tab(tab));
            button.setId("tab-" + tab.name().toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(group);
            button.setFocusTraversable(false);
            button.setTooltip(new Tooltip(messages.text("queue.tab.shortcut", n++)));
            button.setOnAction(e -> {
                viewModel.tabProperty().set(tab);
                button.setSelected(true);
            });
            tabButtons.put(tab, button);
            tabs.getChildren().add(button);
        }
        tabButtons.get(viewModel.tabProperty().get()).setSelected(true);
        viewModel.tabProperty().addListener((o, a, b) -> tabButtons.get(b).setSelected(true));
        viewModel.countsProperty().addListener((o, a, counts) ->
                tabButtons.forEach((tab, button) -> button.setText(viewModel.tabLabel(tab, counts))));

        queueSearch.textProperty().bindBidirectional(viewModel.textProperty());
        bind(sourceFilter, viewModel.sources(), viewModel.sourceProperty());
        bind(districtFilter, viewModel.districts(), viewModel.districtProperty());
        bind(departmentFilter, viewModel.departments(), viewModel.departmentProperty());
        bind(classFilter, viewModel.bigClasses(), viewModel.bigClassProperty());
        gridFilter.textProperty().bindBidirectional(viewModel.gridProperty());
        bind(lightFilter, viewModel.lights(), viewModel.lightProperty());
        sortChoice.getItems().setAll(QueueQuery.Sort.values());
        sortChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(QueueQuery.Sort sort) {
                return sort == QueueQuery.Sort.DEADLINE_ASC ? messages.text("queue.sort.deadline")
                        : messages.text("queue.sort.reported");
            }

            @Override
            public QueueQuery.Sort fromString(String s) {
                return null;
            }
        });
        sortChoice.valueProperty().bindBidirectional(viewModel.sortProperty());
        savedFilters.setItems(viewModel.savedFilters());
        savedFilters.setOnAction(e -> {
            if (savedFilters.getValue() != null) {
                viewModel.applySavedFilter(savedFilters.getValue());
            }
        });

        colNo.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().caseNo()));
        colSource.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().source()));
        colCategory.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().category()));
        colLocation.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().location()));
        colState.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pending() == null
                ? c.getValue().state() : messages.text("queue.state.pending", c.getValue().state())));
        colRemaining.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        colRemaining.setCellFactory(c -> new LightCell());
        colDepartment.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().department()));
        colReported.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reportedAt()));
        queueTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(QueueRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(PENDING, !empty && row != null && row.pending() != null);
            }
        });
        queueTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!replacing && row != null) {
                onSelect.accept(row.id());
            }
        });
        queueTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        emptyLabel.setText(messages.text("queue.empty"));
        queueTable.setPlaceholder(emptyLabel);
        queueFooter.textProperty().bind(viewModel.footerProperty());
        viewModel.rowsProperty().addListener((o, a, rows) -> replaceRows(rows));

        // The countdown moves between events: recompute the rows twice a minute.
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(30), e -> viewModel.refresh()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    private static void bind(ComboBox<Choice> box, javafx.collections.ObservableList<Choice> items,
                             javafx.beans.property.ObjectProperty<Choice> value) {
        box.setItems(items);
        box.valueProperty().bindBidirectional(value);
    }

    /** Replaces the rows keeping the anchor row (selected, else top) on the same line of the screen. */
    private void replaceRows(List<QueueRow> rows) {
        QueueRow selected = queueTable.getSelectionModel().getSelectedItem();
        int firstVisible = firstVisibleIndex();
        long anchorId;
        int anchorOffset;
        if (selected != null) {
            anchorId = selected.id();
            anchorOffset = queueTable.getSelectionModel().getSelectedIndex() - Math.max(0, firstVisible);
        } else if (firstVisible >= 0 && firstVisible < queueTable.getItems().size()) {
            anchorId = queueTable.getItems().get(firstVisible).id();
            anchorOffset = 0;
        } else {
            anchorId = -1;
            anchorOffset = 0;
        }
        replacing = true;
        try {
            queueTable.getItems().setAll(rows);
            int index = indexOf(rows, anchorId);
            if (index >= 0) {
                if (selected != null) {
                    queueTable.getSelectionModel().clearAndSelect(index);
                    queueTable.getFocusModel().focus(index);
                }
                if (firstVisible >= 0) {
                    queueTable.scrollTo(Math.max(0, index - Math.max(0, anchorOffset)));
                }
            } else if (selected != null) {
                // The seat's case left the list. Left alone, the table keeps the old index and a stale selected item,
                // so another case was highlighted while the detail (and the letters) stayed on the old one.
                queueTable.getSelectionModel().clearSelection();
            }
        } finally {
            replacing = false;
        }
        if (selected == null) {
            return;
        }
        // The row really under the highlight (the selection model's item can lag behind a replaced list).
        int at = queueTable.getSelectionModel().getSelectedIndex();
        QueueRow now = at >= 0 && at < rows.size() ? rows.get(at) : null;
        if (now == null) {
            onSelect.accept(-1);
        } else if (now.id() != selected.id() || now.version() != selected.version()) {
            onSelect.accept(now.id());
        }
    }

    private static int indexOf(List<QueueRow> rows, long id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private int firstVisibleIndex() {
        if (queueTable.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> cell = flow.getFirstVisibleCell();
            return cell == null ? -1 : cell.getIndex();
        }
        return -1;
    }

    @FXML
    private void saveFilter() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(messages.text("queue.filter.save.title"));
        dialog.setHeaderText(messages.text("queue.filter.save.prompt"));
        dialog.initOwner(root.getScene().getWindow());
        cn.tongguan.console.shell.ControlTexts.dialog(dialog, messages);
        dialog.showAndWait().ifPresent(viewModel::saveFilter);
    }

    /** The traffic light and the time left. */
    private final class LightCell extends TableCell<QueueRow, QueueRow> {
        @Override
        protected void updateItem(QueueRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("light-green", "light-yellow", "light-red");
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText((row.light() == null ? "" : "● ") + row.remaining());
            if (row.light() != null) {
                getStyleClass().add("light-" + row.light());
            }
        }
    }
}
