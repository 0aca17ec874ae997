package cn.tongguan.console.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Every text a user can see in the open windows, for the "Chinese everywhere" check: window titles, labels and
 * buttons (dialog buttons included), text nodes, prompt texts, tooltips, table and list placeholders, column
 * headers, tabs and context-menu items. Only what is visible is walked (a hidden subtree shows nothing); what a
 * user typed into a field is not ours and is left out. A text field without our edit menu counts too: the
 * toolkit's own menu follows the host's language. FX thread only.
 */
public final class VisibleTexts {
    /** One text and where it was seen (window title, then the node's class and id). */
    public record Seen(String where, String text) {
        @Override
        public String toString() {
            return where + ": \"" + text + "\"";
        }
    }

    private final List<Seen> seen = new ArrayList<>();

    private VisibleTexts() {
    }

    /** What the showing windows show now. */
    public static List<Seen> ofShowingWindows() {
        VisibleTexts texts = new VisibleTexts();
        for (Window window : Window.getWindows()) {
            if (!window.isShowing() || window.getScene() == null) {
                continue;
            }
            String name = window instanceof Stage stage ? "window \"" + stage.getTitle() + "\"" : window.getClass().getSimpleName();
            if (window instanceof Stage stage) {
                texts.add(name + " title", stage.getTitle());
            }
            texts.walk(window.getScene().getRoot(), name);
        }
        return List.copyOf(texts.seen);
    }

    /** The texts with Latin letters that {@link LatinText} does not allow. */
    public static List<Seen> english(List<Seen> texts) {
        return english(texts, java.util.Set.of());
    }

    /** As above, with words that are codes here (see {@link LatinText#allowed(String, java.util.Set)}). */
    public static List<Seen> english(List<Seen> texts, java.util.Set<String> codes) {
        return texts.stream().filter(s -> !LatinText.allowed(s.text(), codes)).toList();
    }

    private void walk(Node node, String window) {
        if (node == null || !node.isVisible()) {
            return;
        }
        String where = window + " › " + node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId());
        if (node instanceof Labeled labeled) {
            add(where, labeled.getText());
        }
        if (node instanceof Text text && !insideTextInput(node)) {
            add(where, text.getText());
        }
        if (node instanceof TextInputControl field) {
            add(where + " prompt", field.getPromptText());
            if (field.getContextMenu() == null) {
                add(where + " edit menu", "(the toolkit's own Undo/Cut/Copy/Paste menu)");
            }
        }
        if (node instanceof ComboBoxBase<?> box) {
            add(where + " prompt", box.getPromptText());
        }
        if (node instanceof Control control) {
            tooltip(where, control.getTooltip());
            if (control.getContextMenu() != null) {
                menu(where + " menu", control.getContextMenu().getItems());
            }
        }
        if (node.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip installed) {
            tooltip(where, installed);
        }
        if (node instanceof TableView<?> table) {
            placeholder(where, table.getPlaceholder());
            table.getColumns().forEach(c -> column(where, c));
        }
        if (node instanceof ListView<?> list) {
            placeholder(where, list.getPlaceholder());
        }
        if (node instanceof ComboBox<?> box) {
            placeholder(where, box.getPlaceholder());
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                add(where + " tab", tab.getText());
                tooltip(where + " tab", tab.getTooltip());
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, window);
            }
        }
    }

    private void column(String where, TableColumnBase<?, ?> column) {
        add(where + " column", column.getText());
        column.getColumns().forEach(c -> column(where, c));
    }

    private void placeholder(String where, Node placeholder) {
        if (placeholder instanceof Labeled label) {
            add(where + " placeholder", label.getText());
        } else if (placeholder == null) {
            // The toolkit's own "No content" text, in the host's language, shows whenever the list is empty.
            add(where + " placeholder", "(the toolkit's own empty-list text)");
        }
    }

    private void tooltip(String where, Tooltip tooltip) {
        if (tooltip != null) {
            add(where + " tooltip", tooltip.getText());
        }
    }

    private void menu(String where, List<MenuItem> items) {
        for (MenuItem item : items) {
            add(where, item.getText());
            if (item instanceof Menu sub) {
                menu(where, sub.getItems());
            }
        }
    }

    private static boolean insideTextInput(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof TextInputControl) {
                return true;
            }
        }
        return false;
    }

    private void add(String where, String text) {
        if (text != null && !text.isBlank()) {
            seen.add(new Seen(where, text));
        }
    }
}
