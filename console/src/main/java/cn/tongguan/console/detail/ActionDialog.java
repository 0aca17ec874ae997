package cn.tongguan.console.detail;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.queue.Choice;
import cn.tongguan.console.shell.ControlTexts;
import cn.tongguan.console.workflow.CaseAction;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks what an action needs (reason, department, hours, the case a duplicate merges into) — keyboard only: the first field has the focus, the
 * suggested department is preselected, Enter confirms, Escape cancels. Shown only when the action needs input.
 */
final class ActionDialog {
    /** What the seat entered. */
    record Input(String note, String departmentCode, Integer hours) {
    }

    private ActionDialog() {
    }

    static Optional<Input> ask(Window owner, Messages messages, String actionLabel, CaseAction action,
                               List<Choice> departments) {
        Dialog<Input> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(actionLabel);
        dialog.setHeaderText(messages.text("dialog.header", actionLabel));
        // Our OK/Cancel: the toolkit's speak the host's language (ControlTexts).
        ButtonType ok = ControlTexts.ok(messages);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ControlTexts.cancel(messages));
        VBox box = new VBox(6);
        ComboBox<Choice> department = new ComboBox<>();
        department.setId("dialogDepartment");
        TextField hours = new TextField();
        hours.setId("dialogHours");
        TextField note = new TextField();
        note.setId("dialogNote");
        note.setPrefColumnCount(32);
        Node first = null;
        // A merge picks its target case from the same box (the choices are then the possible duplicates).
        if (action.needsDepartment() || action.needsTarget()) {
            department.getItems().setAll(departments);
            if (!departments.isEmpty()) {
                department.getSelectionModel().select(0);
            }
            String caption = action.needsTarget() ? messages.text("dialog.target") : messages.text("dialog.department");
            box.getChildren().addAll(new Label(caption), department);
            first = department;
        }
        if (action.needsHours()) {
            box.getChildren().addAll(new Label(messages.text("dialog.hours")), hours);
            first = first == null ? hours : first;
        }
        box.getChildren().addAll(new Label(action.needsNote() ? messages.text("dialog.note.required")
                : messages.text("dialog.note.optional")), note);
        first = first == null ? note : first;
        Label problem = new Label();
        problem.setId("dialogProblem");
        problem.setStyle("-fx-text-fill: #b71c1c;");
        box.getChildren().add(problem);
        dialog.getDialogPane().setContent(ControlTexts.apply(box, messages));

        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            String why = null;
            if (action.needsNote() && note.getText().isBlank()) {
                why = messages.text("dialog.problem.note");
            } else if (action.needsDepartment() && department.getValue() == null) {
                why = messages.text("dialog.problem.department");
            } else if (action.needsTarget() && department.getValue() == null) {
                why = messages.text("dialog.problem.target");
            } else if (action.needsHours() && parseHours(hours.getText()) == null) {
                why = messages.text("dialog.problem.hours");
            }
            if (why != null) {
                problem.setText(why);
                e.consume();
            }
        });
        // Enter confirms from any field (a closed combo box would otherwise keep it).
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !department.isShowing()) {
                e.consume();
                ((javafx.scene.control.Button) okButton).fire();
            }
        });
        dialog.setResultConverter(button -> button == ok
                ? new Input(note.getText(), department.getValue() == null ? null : department.getValue().code(),
                parseHours(hours.getText())) : null);
        Node focus = first;
        Platform.runLater(focus::requestFocus);
        return dialog.showAndWait();
    }

    private static Integer parseHours(String text) {
        try {
            int h = Integer.parseInt(text.trim());
            return h > 0 && h <= 24 * 365 ? h : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
