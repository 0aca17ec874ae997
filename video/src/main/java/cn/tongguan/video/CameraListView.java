package cn.tongguan.video;

import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * A list of cameras to drag onto the wall's tiles. The drag carries the camera id under
 * {@link #CAMERA_ID}; any other node can start such a drag too. FX thread only.
 */
public final class CameraListView extends ListView<Camera> {
    /** Drag-and-drop format of a camera id. */
    public static final DataFormat CAMERA_ID = new DataFormat("application/x-tongguan-camera-id");

    public CameraListView(List<Camera> cameras) {
        getItems().setAll(cameras);
        setCellFactory(list -> new ListCell<>() {
            {
                setOnDragDetected(event -> {
                    if (getItem() != null) {
                        Dragboard board = startDragAndDrop(TransferMode.COPY);
                        ClipboardContent content = new ClipboardContent();
                        content.put(CAMERA_ID, getItem().id());
                        content.putString(getItem().name());
                        board.setContent(content);
                        event.consume();
                    }
                });
            }

            @Override
            protected void updateItem(Camera camera, boolean empty) {
                super.updateItem(camera, empty);
                setText(empty || camera == null ? null : camera.name() + "  " + camera.id());
            }
        });
    }
}
