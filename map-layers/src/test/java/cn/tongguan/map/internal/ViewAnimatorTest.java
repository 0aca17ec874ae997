package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewAnimatorTest {
    private final Viewport start = new Viewport(WebMercator.x(113.9), WebMercator.y(35.3), 12, 1000, 800);

    private static void run(ViewAnimator animator, double seconds) {
        for (long t = 0; t <= seconds * 1e9; t += 16_666_667L) {
            animator.step(t);
        }
    }

    @Test
    void wheelZoomConvergesAndKeepsThePointUnderTheCursor() {
        ViewAnimator animator = new ViewAnimator(start, 3, 20);
        double wx = start.worldX(100);
        double wy = start.worldY(700);
        animator.zoomBy(1, 100, 700);
        run(animator, 2);
        Viewport end = animator.viewport();
        assertThat(end.zoom()).isEqualTo(13);
        assertThat(end.worldX(100)).isCloseTo(wx, within(1e-12));
        assertThat(end.worldY(700)).isCloseTo(wy, within(1e-12));
        assertThat(animator.animating()).isFalse();
    }

    @Test
    void flyToEndsExactlyAtTheTarget() {
        ViewAnimator animator = new ViewAnimator(start, 3, 20);
        animator.flyTo(WebMercator.x(114.6), WebMercator.y(35.2), 16, 500);
        run(animator, 1);
        assertThat(animator.viewport().state().lng()).isCloseTo(114.6, within(1e-9));
        assertThat(animator.viewport().zoom()).isEqualTo(16);
    }

    @Test
    void zoomIsClamped() {
        ViewAnimator animator = new ViewAnimator(start, 3, 20);
        animator.zoomBy(30, 0, 0);
        run(animator, 3);
        assertThat(animator.viewport().zoom()).isEqualTo(20);
    }

    @Test
    void draggingMovesTheMapWithTheHand() {
        ViewAnimator animator = new ViewAnimator(start, 3, 20);
        double wx = start.worldX(500);
        animator.panBy(100, 0);
        assertThat(animator.viewport().worldX(600)).isCloseTo(wx, within(1e-12));
    }
}
