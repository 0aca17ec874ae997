package cn.tongguan.console.detail;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Lifeline;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.PlatformException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** "推送到大屏" from the seat: what is sent, and a plain sentence for each outcome. */
class WallPushViewModelTest {
    private final List<Lifeline.NewWallPush> sent = new ArrayList<>();

    private WallPushViewModel model(WallPushViewModel.Sender sender) {
        return new WallPushViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), p -> {
            sent.add(p);
            return sender.push(p);
        }, Runnable::run, Runnable::run);
    }

    @Test
    void pushesTheCaseAndSaysSo() {
        WallPushViewModel m = model(p -> new Lifeline.WallPush(1, p.kind(), p.target(), null, "operator", Instant.parse("2026-06-15T02:30:00Z")));
        m.pushCase(42, "XX42");
        assertThat(sent).containsExactly(new Lifeline.NewWallPush("CASE", "42", null));
        assertThat(m.statusProperty().get()).isEqualTo("案件 XX42 已推送到大屏");
        m.pushCamera("C007", "人民路口");
        assertThat(sent).last().isEqualTo(new Lifeline.NewWallPush("CAMERA", "C007", null));
    }

    @Test
    void theCameraNearestToTheCaseGoesToTheWall() {
        WallPushViewModel m = new WallPushViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), p -> {
            sent.add(p);
            return new Lifeline.WallPush(2, p.kind(), p.target(), null, "operator", Instant.parse("2026-06-15T02:30:01Z"));
        }, () -> List.of(new cn.tongguan.api.Reference.Camera("C1", "人民路口", 113.90, 35.30, null, "online"),
                new cn.tongguan.api.Reference.Camera("C2", "平原路口", 113.95, 35.31, null, "online")),
                Runnable::run, Runnable::run);
        m.pushNearestCamera(113.949, 35.309);
        assertThat(sent).containsExactly(new Lifeline.NewWallPush("CAMERA", "C2", null));
        assertThat(m.statusProperty().get()).isEqualTo("摄像机 平原路口 已推送到大屏");
    }

    @Test
    void refusalsAndALostPlatformArePlainSentences() {
        WallPushViewModel refused = model(p -> {
            throw new PlatformException(403, "没有推送到大屏的权限");
        });
        refused.pushCase(42, "XX42");
        assertThat(refused.statusProperty().get()).isEqualTo("案件 XX42 未能推送到大屏：没有推送到大屏的权限");
        WallPushViewModel offline = model(p -> {
            throw new IOException("connect refused");
        });
        offline.pushCase(42, "XX42");
        assertThat(offline.statusProperty().get()).isEqualTo("案件 XX42 未能推送到大屏：与平台的连接已中断，请稍后再试");
        offline.pushCase(-1, "");
        assertThat(offline.statusProperty().get()).isEqualTo("请先在队列中选择一个案件，再推送到大屏");
        assertThat(sent).hasSize(2);
    }
}
