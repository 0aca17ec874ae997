package cn.tongguan.console.shell;

import cn.tongguan.console.i18n.Messages;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;

/**
 * JavaFX's own texts in the console's language. The toolkit takes them (the empty table's "No content in
 * table", the OK/Cancel of dialogs, the Cut/Copy/Paste menu of text fields) from the JVM's default locale, so an
 * English host showed English inside the Chinese UI; setting the default locale would change the whole JVM
 * and is not ours to do. Instead every such text is set from our messages. Stateless; FX thread only.
 */
public final class ControlTexts {
    private ControlTexts() {
    }

    /** OK in our words (the toolkit's {@link ButtonType#OK} took its text from the host locale at class load). */
    public static ButtonType ok(Messages messages) {
        return new ButtonType(messages.text("control.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    public static ButtonType cancel(Messages messages) {
        return new ButtonType(messages.text("control.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /**
     * A dialog with our buttons: the toolkit's built-in button types (OK, Cancel, Close…) are replaced by ours
     * with the same role, so result converters that look at the button's role keep working; then its content.
     */
    public static void dialog(Dialog<?> dialog, Messages messages) {
        List<ButtonType> ours = dialog.getDialogPane().getButtonTypes().stream().map(b -> ours(b, messages)).toList();
        dialog.getDialogPane().getButtonTypes().setAll(ours);
        apply(dialog.getDialogPane(), messages);
    }

    private static ButtonType ours(ButtonType type, Messages messages) {
        if (type == ButtonType.OK) {
            return ok(messages);
        }
        if (type == ButtonType.CANCEL) {
            return cancel(messages);
        }
        if (type == ButtonType.CLOSE) {
            return new ButtonType(messages.text("control.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        }
        return type;
    }

    /**
     * Empty tables, lists and combo boxes say so in our words, and text fields get our edit menu, for
     * {@code root} and everything under it (controls added later need their own call).
     */
    public static <T extends Node> T apply(T root, Messages messages) {
        if (root instanceof TableView<?> table && table.getPlaceholder() == null) {
            table.setPlaceholder(placeholder(messages.text("control.empty")));
        } else if (root instanceof ListView<?> list && list.getPlaceholder() == null) {
            list.setPlaceholder(placeholder(messages.text("control.empty")));
        } else if (root instanceof ComboBox<?> box && box.getPlaceholder() == null) {
            box.setPlaceholder(placeholder(messages.text("control.choices.none")));
        } else if (root instanceof TextInputControl field && field.getContextMenu() == null) {
            field.setContextMenu(editMenu(field, messages));
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                apply(child, messages);
            }
        }
        if (root instanceof javafx.scene.control.SplitPane split) {
            split.getItems().forEach(item -> apply(item, messages));
        }
        if (root instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            apply(scroll.getContent(), messages);
        }
        if (root instanceof javafx.scene.control.TabPane tabs) {
            tabs.getTabs().stream().filter(t -> t.getContent() != null).forEach(t -> apply(t.getContent(), messages));
        }
        if (root instanceof javafx.scene.control.TitledPane titled && titled.getContent() != null) {
            apply(titled.getContent(), messages);
        }
        return root;
    }

    private static Label placeholder(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("empty-placeholder");
        return label;
    }

    /** The toolkit's text-field menu, with the same commands, in our words. */
    private static ContextMenu editMenu(TextInputControl field, Messages messages) {
        MenuItem undo = item(messages.text("control.edit.undo"), field::undo);
        MenuItem redo = item(messages.text("control.edit.redo"), field::redo);
        MenuItem cut = item(messages.text("control.edit.cut"), field::cut);
        MenuItem copy = item(messages.text("control.edit.copy"), field::copy);
        MenuItem paste = item(messages.text("control.edit.paste"), field::paste);
        MenuItem delete = item(messages.text("control.edit.delete"), () -> field.deleteText(field.getSelection()));
        MenuItem selectAll = item(messages.text("control.edit.selectAll"), field::selectAll);
        ContextMenu menu = new ContextMenu(undo, redo, cut, copy, paste, delete, new SeparatorMenuItem(), selectAll);
        menu.setOnShowing(e -> {
            IndexRange selection = field.getSelection();
            boolean editable = field.isEditable();
            undo.setDisable(!field.isUndoable());
            redo.setDisable(!field.isRedoable());
            cut.setDisable(!editable || selection.getLength() == 0);
            copy.setDisable(selection.getLength() == 0);
            paste.setDisable(!editable || !Clipboard.getSystemClipboard().hasString());
            delete.setDisable(!editable || selection.getLength() == 0);
            selectAll.setDisable(field.getLength() == 0);
        });
        return menu;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
