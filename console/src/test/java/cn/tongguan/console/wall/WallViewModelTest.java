package cn.tongguan.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.i18n.Messages;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wall's banner tells the truth: connecting until data, nothing while live, the real age after a loss. */
class WallViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
    private WallViewModel model;

    @BeforeEach
    void newWall() throws IOException {
        model = new WallViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), WallPlannerTest.daily());
    }

    @Test
    void aNewWallSaysItIsConnecting() {
        assertThat(model.bannerProperty().get()).isEqualTo("正在连接平台…");
    }

    @Test
    void aLostStreamBeforeAnyDataKeepsConnectingInsteadOfClaimingOldData() {
        model.live(false, T0);
        model.tick(T0.plus(Duration.ofMinutes(5)));
        assertThat(model.bannerProperty().get()).isEqualTo("正在连接平台…");
    }

    @Test
    void theBannerStyleIsConnectingOnlyUntilTheFirstData() {
        assertThat(model.connectingProperty().get()).isTrue();
        model.loaded(T0);
        assertThat(model.connectingProperty().get()).isFalse();
    }

    @Test
    void dataClearTheBanner() {
        model.loaded(T0);
        model.live(true, T0);
        assertThat(model.bannerProperty().get()).isEmpty();
    }

    @Test
    void aLossAfterDataSaysLessThanAMinuteAtFirst() {
        model.loaded(T0);
        model.live(false, T0.plusSeconds(10));
        assertThat(model.bannerProperty().get()).isEqualTo("与平台的连接已中断，显示的是不到 1 分钟前的数据");
    }

    @Test
    void theAgeCountsFromTheFirstLossNotFromFailedRetries() {
        model.loaded(T0);
        model.live(false, T0);
        model.live(false, T0.plus(Duration.ofMinutes(4)));
        model.tick(T0.plus(Duration.ofMinutes(7)).plusSeconds(30));
        assertThat(model.bannerProperty().get()).isEqualTo("与平台的连接已中断，显示的是 7 分钟前的数据");
    }

    @Test
    void reconnectingClearsTheBannerAgain() {
        model.loaded(T0);
        model.live(false, T0);
        model.live(true, T0.plus(Duration.ofMinutes(3)));
        assertThat(model.bannerProperty().get()).isEmpty();
    }

    @Test
    void theKpiPollWaitsForLiveData() {
        assertThat(model.isLive()).isFalse();
        model.loaded(T0);
        assertThat(model.isLive()).isTrue();
        model.live(false, T0);
        assertThat(model.isLive()).isFalse();
    }
}
