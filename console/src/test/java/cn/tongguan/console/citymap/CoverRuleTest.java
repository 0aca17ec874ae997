package cn.tongguan.console.citymap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoverRuleTest {
    @Test
    void aQuietCoverIsHiddenBelowStreetZoomAnAlarmedOneAndEveryGaugeNever() {
        assertThat(CityLayers.coverHidden("manhole", false, CityLayers.STREET_ZOOM - 0.5)).isTrue();
        assertThat(CityLayers.coverHidden("manhole", false, CityLayers.STREET_ZOOM)).isFalse();
        assertThat(CityLayers.coverHidden("manhole", true, 10)).isFalse();
        assertThat(CityLayers.coverHidden("water_level", false, 10)).isFalse();
    }
}
