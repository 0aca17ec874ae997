package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WebMercatorTest {
    @ParameterizedTest
    @CsvSource({"113.875245, 35.30385", "0, 0", "-179.9, -85", "179.9, 85", "114.668936, 35.201548"})
    void lngLatSurviveARoundTrip(double lng, double lat) {
        assertThat(WebMercator.lng(WebMercator.x(lng))).isCloseTo(lng, within(1e-9));
        assertThat(WebMercator.lat(WebMercator.y(lat))).isCloseTo(lat, within(1e-9));
    }

    @Test
    void nullIslandIsTheMiddleOfTheWorld() {
        assertThat(WebMercator.x(0)).isEqualTo(0.5);
        assertThat(WebMercator.y(0)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void northIsUpAndTheWorldEndsAtTheMercatorLimit() {
        assertThat(WebMercator.y(35.3)).isLessThan(0.5);
        assertThat(WebMercator.y(WebMercator.MAX_LAT)).isCloseTo(0, within(1e-9));
        assertThat(WebMercator.y(89.9)).isCloseTo(0, within(1e-9));
    }

    @Test
    void groundResolutionMatchesTheStandardTable() {
        // 156,543.03 m per pixel at the equator at zoom 0 (OSM wiki "Zoom levels")
        assertThat(WebMercator.metresPerPixel(0, 0)).isCloseTo(156_543.03, within(0.01));
        assertThat(WebMercator.metresPerPixel(60, 1)).isCloseTo(156_543.03 / 4, within(0.01));
    }

    @Test
    void theSameMetreOfXinxiangIsTheSamePixelAtEveryZoomRatio() {
        double x13 = WebMercator.x(113.9) * WebMercator.worldSize(13);
        double x14 = WebMercator.x(113.9) * WebMercator.worldSize(14);
        assertThat(x14).isCloseTo(2 * x13, within(1e-6));
    }
}
