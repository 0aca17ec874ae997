package cn.tongguan.console.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allow-list of the Chinese-UI walker: codes, units, keys, coordinates and addresses pass; English does not. */
class LatinTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"正在连接平台…", "案件 20261120000005", "坐席推送 · XX31", "26.5 厘米", "2 km", "500 m",
            "Ctrl+1 … Ctrl+7　切换", "F1　显示本帮助", "确认 (K)", "113.885000°E  35.305000°N", "已连接平台 http://127.0.0.1:8080（版本 0.1.0）",
            "积水点WL01", "单元网格 410702001001", "Esc　回到队列", "", "12319 热线", "rtsp://127.0.0.1:8554/cam01/main"})
    void codesUnitsKeysAndAddressesAreAllowed(String text) {
        assertThat(LatinText.allowed(text)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void accountNamesPassOnlyWhereTheCallerSaysTheyAreCodes() {
        assertThat(LatinText.allowed("上报 → 待受理　operator（受理员）")).isFalse();
        assertThat(LatinText.allowed("上报 → 待受理　operator（受理员）", java.util.Set.of("operator"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"No content in table", "OK", "Cancel", "Undo", "确定 Cancel", "Select All",
            "Connection lost", "案件 pending", "Information", "数据期间 month:2026-11"})
    void englishIsFlagged(String text) {
        assertThat(LatinText.allowed(text)).isFalse();
    }
}
