package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class RasterTest {
    private static final int RED = 0xffff0000;

    @Test
    void evenOddFillLeavesTheHoleEmpty() {
        Raster raster = new Raster(20, 20);
        double[] outer = {2, 2, 18, 2, 18, 18, 2, 18};
        double[] hole = {8, 8, 12, 8, 12, 12, 8, 12};
        raster.fillRings(new double[][] {outer, hole}, new int[] {8, 8}, 2, RED);
        assertThat(raster.pixels()[5 * 20 + 5]).isEqualTo(RED);
        assertThat(raster.pixels()[10 * 20 + 10]).isZero();
        assertThat(raster.pixels()[1 * 20 + 1]).isZero();
    }

    @Test
    void fillCoversExactlyThePixelCentresInside() {
        Raster raster = new Raster(10, 10);
        raster.fillRings(new double[][] {{0, 0, 4, 0, 4, 4, 0, 4}}, new int[] {8}, 1, RED);
        int filled = 0;
        for (int p : raster.pixels()) {
            filled += p == RED ? 1 : 0;
        }
        assertThat(filled).isEqualTo(16);
    }

    @Test
    void halfTransparentBlueOverRedIsPurple() {
        Raster raster = new Raster(1, 1);
        raster.clear(RED);
        raster.blendPixel(0, 0, Raster.argb(Color.rgb(0, 0, 255, 0.5)));
        int p = raster.pixels()[0];
        assertThat(p >>> 24).isEqualTo(255);
        assertThat((p >> 16) & 0xff).isBetween(125, 129);
        assertThat(p & 0xff).isBetween(126, 129);
    }

    @Test
    void linesFarOutsideCostNothingAndDrawNothing() {
        Raster raster = new Raster(10, 10);
        raster.line(-1e6, -1e6, -1e6 + 5, 1e6, 1, RED);
        assertThat(raster.pixels()).containsOnly(0);
        raster.line(0, 5, 9, 5, 1, RED);
        assertThat(raster.pixels()[5 * 10 + 4]).isEqualTo(RED);
    }

    @Test
    void premultipliedColourScalesEveryChannel() {
        assertThat(Raster.argb(Color.rgb(255, 255, 255, 0.5))).isEqualTo(0x80808080);
        assertThat(Raster.fade(0xffffffff, 0.5)).isEqualTo(0x7f7f7f7f);
    }
}
