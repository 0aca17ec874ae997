package cn.tongguan.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.testing.EnglishHost;
import cn.tongguan.console.testing.VisibleTexts;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On an English host the toolkit's own texts are English; {@link ControlTexts} gives them our words, and the
 * walker of the Chinese-everywhere test sees the difference (so that test can fail).
 */
@ExtendWith({EnglishHost.class, ApplicationExtension.class})
class ControlTextsUiTest {
    private final Messages messages = Messages.load(Locale.SIMPLIFIED_CHINESE);
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (stage != null) {
                stage.close();
            }
        }).get(5, TimeUnit.SECONDS);
    }

    private List<VisibleTexts.Seen> show(boolean ours) throws Exception {
        FxToolkit.registerPrimaryStage();
        return WaitForAsyncUtils.asyncFx(() -> {
            TableView<String> table = new TableView<>();
            table.getColumns().add(new javafx.scene.control.TableColumn<>("案件号"));
            VBox root = new VBox(table, new ListView<String>(), new TextField());
            if (ours) {
                ControlTexts.apply(root, messages);
            }
            stage = new Stage();
            stage.setTitle("统管");
            stage.setScene(new Scene(root, 400, 400));
            stage.show();
            root.applyCss();
            root.layout();
            return VisibleTexts.english(VisibleTexts.ofShowingWindows());
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theToolkitsOwnTextsAreEnglishOnAnEnglishHost() throws Exception {
        assertThat(show(false)).extracting(VisibleTexts.Seen::text).contains("No content in table");
    }

    @Test
    void withOurTextsNothingEnglishIsLeft() throws Exception {
        assertThat(show(true)).isEmpty();
    }

    @Test
    void emptyListsSayItInChinese() throws Exception {
        show(true);
        assertThat(VisibleTexts.ofShowingWindows()).extracting(VisibleTexts.Seen::text).contains("暂无内容");
    }

    @Test
    void dialogButtonsAreOurs() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<String> buttons = WaitForAsyncUtils.asyncFx(() -> {
            Dialog<String> dialog = new Dialog<>();
            dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                    javafx.scene.control.ButtonType.CANCEL);
            ControlTexts.dialog(dialog, messages);
            return dialog.getDialogPane().getButtonTypes().stream().map(javafx.scene.control.ButtonType::getText).toList();
        }).get(10, TimeUnit.SECONDS);
        assertThat(buttons).containsExactly("确定", "取消");
    }
}
