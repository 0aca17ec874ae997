package cn.tongguan.democity.load;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadProgressTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-15T02:30:00Z"));
    private final List<String> lines = new ArrayList<>();
    private final LoadProgress progress = new LoadProgress(3, clock, Duration.ofSeconds(5), lines::add);

    private void pass(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void eachPhaseSaysItsNumberCountsPercentageAndWhatIsLeft() {
        progress.begin("导入两年的案件历史", 910_000, "件");
        assertThat(lines).containsExactly("[1/3] 导入两年的案件历史：共 910,000 件");
        pass(10);
        progress.advance(182_000);
        // A fifth in 10 s: four fifths left take 40 s.
        assertThat(lines.get(1)).isEqualTo("[1/3] 导入两年的案件历史：182,000 / 910,000 件（20%），已用 10 秒，预计还需 40 秒");
        pass(190);
        progress.advance(910_000 / 2);
        assertThat(lines.get(2)).isEqualTo("[1/3] 导入两年的案件历史：455,000 / 910,000 件（50%），已用 3 分 20 秒，预计还需 3 分 20 秒");
        pass(200);
        progress.advance(910_000);
        progress.finish();
        assertThat(lines.get(4)).isEqualTo("[1/3] 导入两年的案件历史 完成：910,000 件，用时 6 分 40 秒（共已用 6 分 40 秒）");
    }

    @Test
    void aLoopThatAdvancesOftenIsSaidAtMostOncePerInterval() {
        progress.begin("参考数据", 629_724, "个部件");
        for (int i = 1; i <= 100; i++) {
            pass(1);
            progress.advance(i * 6_000L);
        }
        // 100 s, a line each 5 s, and the opening line.
        assertThat(lines).hasSize(21);
    }

    @Test
    void noEstimateBeforeThePhaseHasARate() {
        progress.begin("参考数据", 1_000, "个部件");
        pass(5);
        progress.advance(0);
        pass(5);
        progress.advance(0);
        assertThat(lines).noneMatch(l -> l.contains("预计"));
        assertThat(progress.estimate(Duration.ofSeconds(2))).isNull();
    }

    @Test
    void aPhaseWithoutACountSaysOnlyThatItRunsAndHowLongItTook() {
        progress.begin("参考数据", 10, "个");
        progress.finish();
        progress.begin("压缩数据库文件", 0, "");
        pass(3_725);
        progress.finish();
        assertThat(lines).containsExactly("[1/3] 参考数据：共 10 个", "[1/3] 参考数据 完成：10 个，用时 0 秒（共已用 0 秒）",
                "[2/3] 压缩数据库文件…", "[2/3] 压缩数据库文件 完成，用时 1 小时 02 分（共已用 1 小时 02 分）");
    }
}
