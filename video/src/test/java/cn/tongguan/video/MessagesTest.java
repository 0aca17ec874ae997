package cn.tongguan.video;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.video.internal.TileTexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/cn/tongguan/video/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyFailureReasonHasWords() throws IOException {
        Properties zh = load("messages.properties");
        assertThat(Arrays.stream(FailureReason.values()).map(r -> "reason." + r.name())).allMatch(zh::containsKey);
    }

    @Test
    void chineseUnlessEnglishIsAskedFor() {
        assertThat(new TileTexts(Locale.SIMPLIFIED_CHINESE).reason(FailureReason.REFUSED)).isEqualTo("连接被拒绝");
        assertThat(new TileTexts(Locale.ENGLISH).get("tile.still_1", 3)).isEqualTo("Still · 3 s ago");
        assertThat(new TileTexts(Locale.GERMAN).get("tile.idle")).isEqualTo("空闲");
    }

    @Test
    void aStaleTileSaysHowOldItsPictureIsAndWhy() {
        assertThat(new TileTexts(Locale.SIMPLIFIED_CHINESE).statusLine(TileState.STALE, FailureReason.NOT_FOUND, 12, false, false))
                .isEqualTo("最后画面 12 秒前 · 视频流不存在 · 重连中");
        assertThat(new TileTexts(Locale.ENGLISH).statusLine(TileState.STALE, FailureReason.REFUSED, -1, false, true))
                .isEqualTo("No picture · connection refused · reconnecting  ⚠ Alarm");
    }
}
