package cn.tongguan.console.shell;

import cn.tongguan.console.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML (next to its class) with the view as controller and the UI's texts; adds its CSS if any,
 * and gives the toolkit's built-in texts our words ({@link ControlTexts}).
 */
public final class Fxml {
    private Fxml() {
    }

    public static Parent load(Class<?> owner, String file, Object controller, Messages messages) {
        FXMLLoader loader = new FXMLLoader(owner.getResource(file), messages.bundle());
        loader.setController(controller);
        try {
            // The toolkit's own texts (empty lists, edit menus) in our language, not the host's.
            Parent root = ControlTexts.apply(loader.<Parent>load(), messages);
            var css = owner.getResource(file.replace(".fxml", ".css"));
            if (css != null) {
                root.getStylesheets().add(css.toExternalForm());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be loaded", e);
        }
    }
}
