package cn.tongguan.video.internal;

import cn.tongguan.video.TileState;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.effect.ColorAdjust;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;

/**
 * The node of one tile: the picture, the camera name with a live indicator on top, the state below.
 * A stale picture is greyed and darkened so nobody takes it for live. FX thread only; no logic here.
 */
public final class TileView extends StackPane {
    private static final javafx.css.PseudoClass ALARM = javafx.css.PseudoClass.getPseudoClass("alarm");
    private static final ColorAdjust STALE = new ColorAdjust(0, -1, -0.45, 0);

    private final ImageView picture = new ImageView();
    private final Label name = new Label();
    private final Circle dot = new Circle(5);
    private final Label status = new Label();
    private boolean alarm;
    private double aspect = 16.0 / 9;

    public TileView() {
        getStyleClass().add("video-tile");
        setMinSize(0, 0);
        // the aspect comes from the stream, not the buffer (libvlc pads the height): fitted in layoutChildren
        picture.setPreserveRatio(false);
        picture.setSmooth(false); // bilinear scaling of 16 tiles per pulse costs more than it shows
        picture.setManaged(false);
        name.getStyleClass().add("tile-name");
        status.getStyleClass().add("tile-status");
        HBox top = new HBox(6, dot, name);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4));
        top.setPickOnBounds(false);
        top.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(top, Pos.TOP_LEFT);
        StackPane.setAlignment(status, Pos.BOTTOM_LEFT);
        StackPane.setMargin(status, new Insets(4));
        getChildren().addAll(picture, top, status);
        show(null, aspect, "", TileState.IDLE, "", false);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double w = Math.max(0, getWidth() - 2);
        double h = Math.max(0, getHeight() - 2);
        double fitW = Math.min(w, h * aspect);
        double fitH = fitW / aspect;
        picture.setFitWidth(fitW);
        picture.setFitHeight(fitH);
        picture.relocate((getWidth() - fitW) / 2, (getHeight() - fitH) / 2);
    }

    public void show(Image image, double pictureAspect, String cameraName, TileState state, String statusText, boolean alarm) {
        if (picture.getImage() != image) {
            picture.setImage(image);
        }
        if (pictureAspect != aspect) {
            aspect = pictureAspect;
            requestLayout();
        }
        name.setText(cameraName);
        status.setText(statusText);
        status.setVisible(!statusText.isEmpty());
        picture.setEffect(state == TileState.STALE || state == TileState.CONNECTING ? STALE : null);
        dot.setFill(switch (state) {
            case LIVE -> javafx.scene.paint.Color.LIMEGREEN;
            case STILL -> javafx.scene.paint.Color.GOLD;
            case STALE -> javafx.scene.paint.Color.RED;
            default -> javafx.scene.paint.Color.GRAY;
        });
        if (alarm != this.alarm) {
            this.alarm = alarm;
            pseudoClassStateChanged(ALARM, alarm);
        }
    }

    public Image image() {
        return picture.getImage();
    }
}
