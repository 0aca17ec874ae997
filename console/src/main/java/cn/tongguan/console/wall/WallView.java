package cn.tongguan.console.wall;

import cn.tongguan.console.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

/**
 * The wall's windows: one undecorated window covering each monitor in use, with the panels of its plan in
 * a grid. Follows the monitors: when one is unplugged its panels move to the others, when it comes back
 * they return. Kiosk behaviour: no decorations, no dialogs, the cursor hides after a few idle seconds.
 *
 * <p>Undecorated at the monitor's bounds rather than JavaFX full-screen (ADR 0073): full-screen is a request
 * to a window manager, and the hall's kiosk session (like the test X server) has none, so the window stayed
 * small; full-screen also shows an exit hint and leaves on Esc, wrong for an unattended wall.
 */
public final class WallView {
    private static final Duration CURSOR_IDLE = Duration.seconds(3);
    /** The banner while connecting is a notice (no data yet), not the red "data are old" alarm. */
    private static final javafx.css.PseudoClass CONNECTING = javafx.css.PseudoClass.getPseudoClass("connecting");

    private final WallViewModel viewModel;
    private final Messages messages;
    private final Function<String, Node> panelFactory;
    private final Map<String, Node> panels = new HashMap<>();
    private final List<Stage> stages = new ArrayList<>();

    public WallView(WallViewModel viewModel, Messages messages, Function<String, Node> panelFactory) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.panelFactory = panelFactory;
    }

    /** Opens the wall on the monitors present and keeps following them. */
    public void show() {
        viewModel.planProperty().addListener((obs, old, plan) -> apply(plan));
        Screen.getScreens().addListener((ListChangeListener<Screen>) change -> {
            viewModel.monitorsChanged(Screen.getScreens().size());
            // Same count, other geometry (a resolution change): the windows must cover their monitors again.
            apply(viewModel.planProperty().get());
        });
        viewModel.monitorsChanged(Screen.getScreens().size());
        apply(viewModel.planProperty().get());
    }

    public void close() {
        stages.forEach(Stage::close);
        stages.clear();
    }

    /** The windows, one per monitor in use (for tests and screenshots). */
    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    private void apply(List<WallPlanner.ScreenPlan> plan) {
        List<Screen> screens = sortedScreens();
        // Detach every panel first: a node moving to another monitor must leave its old grid.
        for (Stage stage : stages) {
            ((GridPane) stage.getScene().lookup("#wallGrid")).getChildren().clear();
        }
        while (stages.size() > plan.size()) {
            stages.remove(stages.size() - 1).close();
        }
        while (stages.size() < plan.size()) {
            stages.add(newStage());
        }
        for (WallPlanner.ScreenPlan screenPlan : plan) {
            Stage stage = stages.get(screenPlan.screen());
            Rectangle2D bounds = screens.get(Math.min(screenPlan.screen(), screens.size() - 1)).getBounds();
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
            fill((GridPane) stage.getScene().lookup("#wallGrid"), screenPlan.rows());
            stage.setTitle(viewModel.title() + " " + (screenPlan.screen() + 1));
            if (!stage.isShowing()) {
                stage.show();
            }
        }
    }

    private void fill(GridPane grid, List<List<String>> rows) {
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows.size(); r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows.size());
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Node panel = panels.computeIfAbsent(row.get(c), this::createPanel);
                // A short row spans the rest of the width, so no monitor shows an empty hole.
                int span = c == row.size() - 1 ? columns - c : 1;
                grid.add(panel, c, r, span, 1);
            }
        }
    }

    private Node createPanel(String id) {
        Node node = panelFactory.apply(id);
        node.setId("panel-" + id);
        node.getStyleClass().add("wall-panel");
        return node;
    }

    private Stage newStage() {
        FXMLLoader loader = new FXMLLoader(WallView.class.getResource("WallScreen.fxml"), messages.bundle());
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("WallScreen.fxml cannot be loaded", e);
        }
        ((Label) root.lookup("#wallBanner")).textProperty().bind(viewModel.bannerProperty());
        root.lookup("#wallBanner").visibleProperty().bind(viewModel.bannerProperty().isNotEmpty());
        Node banner = root.lookup("#wallBanner");
        banner.pseudoClassStateChanged(CONNECTING, viewModel.connectingProperty().get());
        viewModel.connectingProperty().addListener((obs, was, is) -> banner.pseudoClassStateChanged(CONNECTING, is));
        Scene scene = new Scene(root);
        scene.getStylesheets().add(WallView.class.getResource("Wall.css").toExternalForm());
        hideIdleCursor(scene);
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.setScene(scene);
        return stage;
    }

    private static void hideIdleCursor(Scene scene) {
        PauseTransition idle = new PauseTransition(CURSOR_IDLE);
        idle.setOnFinished(e -> scene.setCursor(Cursor.NONE));
        scene.setOnMouseMoved(e -> {
            scene.setCursor(Cursor.DEFAULT);
            idle.playFromStart();
        });
        idle.play();
    }

    /** Monitors left to right, top to bottom: the order the layout's screen numbers follow. */
    private static List<Screen> sortedScreens() {
        List<Screen> screens = new ArrayList<>(Screen.getScreens());
        screens.sort((a, b) -> a.getBounds().getMinX() != b.getBounds().getMinX()
                ? Double.compare(a.getBounds().getMinX(), b.getBounds().getMinX())
                : Double.compare(a.getBounds().getMinY(), b.getBounds().getMinY()));
        return screens;
    }
}
