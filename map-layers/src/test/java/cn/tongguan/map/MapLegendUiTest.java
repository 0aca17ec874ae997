package cn.tongguan.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MapLegendUiTest {
    private final FeatureLayer districts = new FeatureLayer("districts", "区县", List.of(),
            Style.polygons(Color.BLUE, Color.WHITE, 1));
    private final FeatureLayer parts = new FeatureLayer("parts", "城市部件", List.of(),
            Style.points(Color.ORANGE, 3).withClasses("class",
                    java.util.Map.of("井盖", new PointSymbol(Color.CYAN, SymbolShape.CIRCLE))));
    private final ObservableList<FeatureLayer> layers = FXCollections.observableArrayList(districts, parts);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new MapLegend(layers), 300, 300));
        stage.show();
    }

    @Test
    void topLayerComesFirstWithItsClasses(FxRobot robot) {
        assertThat(robot.lookup(".map-legend-layer").queryAllAs(CheckBox.class))
                .extracting(CheckBox::getText).containsExactly("城市部件", "区县");
        assertThat(robot.lookup(".map-legend-entry").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("井盖", "区县");
    }

    @Test
    void unTickingALayerHidesIt(FxRobot robot) {
        robot.clickOn("#legend-parts");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(parts.isVisible()).isFalse();
        assertThat(districts.isVisible()).isTrue();
    }
}
