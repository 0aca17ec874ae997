package cn.tongguan.video.internal;

import cn.tongguan.video.CameraListView;
import cn.tongguan.video.WallLayout;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;

/**
 * Lays the tiles out on a square grid for a {@link WallLayout}; an enlarged tile covers the whole wall.
 * Double-click toggles enlargement; a camera dropped on a tile is reported with the tile's index.
 * FX thread only.
 */
public final class WallPane extends StackPane {
    private final List<TileView> views;
    private final GridPane grid = new GridPane();

    public WallPane(List<TileView> views, IntConsumer doubleClicked, BiConsumer<Integer, String> dropped) {
        this.views = views;
        getStyleClass().add("video-wall");
        getStylesheets().add(WallPane.class.getResource("/cn/tongguan/video/wall.css").toExternalForm());
        setMinSize(0, 0);
        grid.setHgap(2);
        grid.setVgap(2);
        grid.setMinSize(0, 0);
        getChildren().add(grid);
        for (int i = 0; i < views.size(); i++) {
            int index = i;
            TileView view = views.get(i);
            view.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    doubleClicked.accept(index);
                }
            });
            view.setOnDragOver(e -> {
                if (e.getDragboard().hasContent(CameraListView.CAMERA_ID)) {
                    e.acceptTransferModes(TransferMode.COPY);
                }
                e.consume();
            });
            view.setOnDragDropped(e -> {
                Object id = e.getDragboard().getContent(CameraListView.CAMERA_ID);
                if (id != null) {
                    dropped.accept(index, id.toString());
                }
                e.setDropCompleted(id != null);
                e.consume();
            });
        }
    }

    public void arrange(WallLayout layout, int enlarged) {
        grid.getChildren().clear();
        getChildren().retainAll(grid);
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (int i = 0; i < layout.grid(); i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / layout.grid());
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(100.0 / layout.grid());
            grid.getRowConstraints().add(r);
        }
        List<WallLayout.Cell> cells = layout.cells();
        for (int i = 0; i < cells.size(); i++) {
            if (i == enlarged) {
                continue;
            }
            WallLayout.Cell cell = cells.get(i);
            TileView v = views.get(i);
            v.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            grid.add(v, cell.column(), cell.row(), cell.columnSpan(), cell.rowSpan());
        }
        if (enlarged >= 0) {
            getChildren().add(views.get(enlarged)); // covers the grid; the others keep playing below
        }
    }
}
