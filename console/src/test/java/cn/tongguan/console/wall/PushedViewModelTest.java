package cn.tongguan.console.wall;

import static cn.tongguan.console.wall.Lifelines.AT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Lifeline;
import cn.tongguan.console.i18n.Messages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A push from a seat: a case becomes a card and the map flies to it; a camera goes to a tile. */
class PushedViewModelTest {
    private final List<String> log = new ArrayList<>();

    private PushedViewModel model(PushedViewModel.CaseReader reader) {
        return new PushedViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), s -> "state:" + s, reader,
                c -> log.add("focus " + c.caseNo()), id -> log.add("camera " + id), Runnable::run, Runnable::run);
    }

    @Test
    void aPushedCaseShowsItsCardAndTheMapFliesToIt() {
        PushedViewModel m = model(id -> new Cases.CaseDetail(WallPanelsViewModelTest.item(id, "dispatched", 5),
                List.of(), List.of()));
        m.pushed(new Lifeline.WallPush(1, "CASE", "77", "请关注", "zhang", AT));
        assertThat(m.shownProperty().get()).isTrue();
        assertThat(m.titleProperty().get()).isEqualTo("坐席推送 · XX77");
        assertThat(m.bodyProperty().get()).contains("state:dispatched", "人民路", "积水77", "推送人：zhang", "备注：请关注");
        assertThat(log).containsExactly("focus XX77");
        m.dismiss();
        assertThat(m.shownProperty().get()).isFalse();
    }

    @Test
    void aPushedCameraGoesToATileAndAnUnreadableCaseIsSaidPlainly() {
        PushedViewModel m = model(id -> {
            throw new IOException("gone");
        });
        m.pushed(new Lifeline.WallPush(2, "CAMERA", "C009", null, "zhang", AT));
        assertThat(log).containsExactly("camera C009");
        assertThat(m.shownProperty().get()).isFalse();
        m.pushed(new Lifeline.WallPush(3, "CASE", "5", null, "zhang", AT));
        assertThat(m.shownProperty().get()).isTrue();
        assertThat(m.bodyProperty().get()).isEqualTo("案件暂时读不到");
    }
}
