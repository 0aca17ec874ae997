package cn.tongguan.console.detail;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.shell.Fxml;
import cn.tongguan.console.workflow.CaseAction;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Code-behind of {@code CaseDetail.fxml}: the case, its timeline, and one button per allowed action. */
public final class CaseDetailView {
    private static final PseudoClass CONFLICT = PseudoClass.getPseudoClass("conflict");

    private final CaseDetailViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    @FXML
    private VBox detailContent;
    @FXML
    private Label detailEmpty;
    @FXML
    private Label detailTitle;
    @FXML
    private Label detailState;
    @FXML
    private Label detailBanner;
    @FXML
    private Label detailFacts;
    @FXML
    private Label detailDescription;
    @FXML
    private Label detailDeadline;
    @FXML
    private Label detailReporter;
    @FXML
    private FlowPane actionBar;
    @FXML
    private ListView<String> timelineList;
    @FXML
    private ListView<String> photoList;
    @FXML
    private Label duplicatesTitle;
    @FXML
    private ListView<String> duplicateList;

    private final CaseMap map;
    private final Runnable pushToWall;

    /** {@code map} may be null (no map in this console); {@code pushToWall} pushes the shown case to the wall. */
    public CaseDetailView(CaseDetailViewModel viewModel, Messages messages, CaseMap map, Runnable pushToWall) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.map = map;
        this.pushToWall = pushToWall;
        this.root = Fxml.load(CaseDetailView.class, "CaseDetail.fxml", this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        detailContent.visibleProperty().bind(viewModel.presentProperty());
        detailEmpty.visibleProperty().bind(viewModel.presentProperty().not());
        detailTitle.textProperty().bind(viewModel.titleProperty());
        detailState.textProperty().bind(viewModel.stateProperty());
        detailBanner.textProperty().bind(viewModel.bannerProperty());
        detailBanner.visibleProperty().bind(viewModel.bannerProperty().isNotEmpty());
        detailBanner.managedProperty().bind(detailBanner.visibleProperty());
        viewModel.bannerIsConflictProperty().addListener((o, a, b) -> detailBanner.pseudoClassStateChanged(CONFLICT, b));
        detailFacts.textProperty().bind(viewModel.factsProperty());
        detailDescription.textProperty().bind(viewModel.descriptionProperty());
        detailDeadline.textProperty().bind(viewModel.deadlineProperty());
        viewModel.lightProperty().addListener((o, a, light) -> {
            detailDeadline.getStyleClass().removeAll("light-green", "light-yellow", "light-red");
            if (light != null && !light.isEmpty()) {
                detailDeadline.getStyleClass().add("light-" + light);
            }
        });
        detailReporter.textProperty().bind(viewModel.reporterProperty());
        timelineList.setItems(viewModel.timeline());
        photoList.setItems(viewModel.photos());
        duplicateList.setItems(viewModel.duplicates());
        // Only when there is something to merge or compare: most cases have no near twin.
        var any = javafx.beans.binding.Bindings.isNotEmpty(viewModel.duplicates());
        duplicatesTitle.visibleProperty().bind(any);
        duplicatesTitle.managedProperty().bind(any);
        duplicateList.visibleProperty().bind(any);
        duplicateList.managedProperty().bind(any);
        viewModel.actions().addListener((ListChangeListener<ActionItem>) change -> buildButtons());
        buildButtons();
        if (map != null) {
            // Below the facts: where the case is, before the long timeline.
            detailContent.getChildren().add(detailContent.getChildren().indexOf(detailReporter) + 1, map.view());
            viewModel.shownProperty().addListener((o, before, now) -> {
                if (before == null || now == null || before.id() != now.id() || before.lng() != now.lng()
                        || before.lat() != now.lat()) {
                    map.show(now);
                }
            });
        }
    }

    private void buildButtons() {
        actionBar.getChildren().clear();
        for (ActionItem item : viewModel.actions()) {
            Button button = new Button(item.label());
            button.setId("action-" + item.action().action());
            button.setTooltip(new Tooltip(item.tooltip()));
            button.setFocusTraversable(false);
            button.setOnAction(e -> trigger(item.action()));
            actionBar.getChildren().add(button);
        }
        if (pushToWall != null) {
            Button push = new Button(messages.text("detail.push.button"));
            push.setId("pushToWall");
            push.setTooltip(new Tooltip(messages.text("detail.push.tooltip")));
            push.setFocusTraversable(false);
            push.setOnAction(e -> pushToWall.run());
            actionBar.getChildren().add(push);
        }
    }

    /** Runs {@code action} on the shown case, asking first for what it needs. */
    public void trigger(CaseAction action) {
        String label = viewModel.labels().action(action.action());
        if (!action.needsNote() && !action.needsDepartment() && !action.needsHours() && !action.needsTarget()) {
            viewModel.perform(action, null, null, null);
            return;
        }
        ActionDialog.ask(root.getScene().getWindow(), messages, label, action,
                        action.needsTarget() ? viewModel.mergeTargets() : viewModel.departmentChoices())
                .ifPresent(input -> viewModel.perform(action, input.note(), input.departmentCode(), input.hours(),
                        action.needsTarget() && input.departmentCode() != null ? Long.valueOf(input.departmentCode())
                                : null));
    }
}
