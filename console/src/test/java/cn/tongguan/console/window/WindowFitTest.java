package cn.tongguan.console.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a console window opens, from what it remembered and the monitors present. */
class WindowFitTest {
    private static final Area LEFT = new Area(0, 0, 1920, 1080);
    private static final Area LEFT_USABLE = new Area(0, 0, 1920, 1040);
    private static final Area RIGHT = new Area(1920, 0, 1920, 1080);
    private static final List<Monitor> TWO = List.of(new Monitor(LEFT, LEFT_USABLE, true), new Monitor(RIGHT, RIGHT, false));

    private static WindowFit.Placement place(WindowState state) {
        return WindowFit.place(Optional.of(state), TWO);
    }

    @Test
    void theFirstRunIsMaximisedOnThePrimary() {
        assertThat(WindowFit.place(Optional.empty(), TWO)).isEqualTo(new WindowFit.Placement(LEFT_USABLE, true));
    }

    @Test
    void theFirstRunFindsThePrimaryEvenWhenItIsNotListedFirst() {
        List<Monitor> rightPrimary = List.of(new Monitor(LEFT, LEFT, false), new Monitor(RIGHT, RIGHT, true));
        assertThat(WindowFit.place(Optional.empty(), rightPrimary).bounds()).isEqualTo(RIGHT);
    }

    @Test
    void aWindowComesBackWhereItWasOnItsMonitor() {
        Area at = new Area(2000, 100, 1200, 800);
        assertThat(place(new WindowState(at, false, RIGHT))).isEqualTo(new WindowFit.Placement(at, false));
    }

    @Test
    void aMaximisedWindowComesBackMaximisedOnItsOwnMonitor() {
        assertThat(place(new WindowState(new Area(2000, 100, 1200, 800), true, RIGHT)))
                .isEqualTo(new WindowFit.Placement(RIGHT, true));
    }

    @Test
    void aMonitorThatIsGoneFallsBackToMaximisedOnThePrimary() {
        Area third = new Area(3840, 0, 1920, 1080);
        assertThat(place(new WindowState(new Area(4000, 100, 1200, 800), false, third)))
                .isEqualTo(new WindowFit.Placement(LEFT_USABLE, true));
    }

    @Test
    void aMonitorWithAnotherResolutionCountsAsGone() {
        assertThat(place(new WindowState(new Area(100, 100, 800, 600), false, new Area(0, 0, 2560, 1440))))
                .isEqualTo(new WindowFit.Placement(LEFT_USABLE, true));
    }

    @Test
    void boundsOffEveryScreenFallBackToMaximisedOnThePrimary() {
        assertThat(place(new WindowState(new Area(5000, 2000, 800, 600), false, RIGHT)))
                .isEqualTo(new WindowFit.Placement(LEFT_USABLE, true));
    }

    @Test
    void aTitleBarAboveTheMonitorCannotBeReachedSoTheWindowIsMaximised() {
        assertThat(place(new WindowState(new Area(2000, -300, 800, 600), false, RIGHT)))
                .isEqualTo(new WindowFit.Placement(LEFT_USABLE, true));
    }

    @Test
    void aSliverOnTheMonitorCountsAsLost() {
        // 140 px of the window on the monitor: too little to grab.
        assertThat(place(new WindowState(new Area(3700, 100, 800, 600), false, RIGHT)))
                .isEqualTo(new WindowFit.Placement(LEFT_USABLE, true));
    }

    @Test
    void enoughOfTheWindowOnTheMonitorBringsItBackWhole() {
        // 160 px visible: restored, and slid fully onto the monitor.
        assertThat(place(new WindowState(new Area(3680, 100, 800, 600), false, RIGHT)))
                .isEqualTo(new WindowFit.Placement(new Area(3040, 100, 800, 600), false));
    }

    @Test
    void aWindowPartlyOutsideSlidesFullyOntoItsMonitor() {
        assertThat(place(new WindowState(new Area(3000, 600, 1200, 800), false, RIGHT)).bounds())
                .isEqualTo(new Area(2640, 280, 1200, 800));
    }

    @Test
    void aWindowLargerThanItsMonitorShrinksToIt() {
        assertThat(place(new WindowState(new Area(0, 0, 2500, 1400), false, LEFT)).bounds()).isEqualTo(LEFT_USABLE);
    }

    @Test
    void theMonitorOfAWindowIsTheOneItCoversMost() {
        assertThat(WindowFit.monitorOf(new Area(1500, 0, 1000, 500), TWO).orElseThrow().bounds()).isEqualTo(RIGHT);
    }

    @Test
    void aWindowOnNoMonitorBelongsToThePrimary() {
        assertThat(WindowFit.monitorOf(new Area(9000, 0, 100, 100), TWO).orElseThrow().bounds()).isEqualTo(LEFT);
    }
}
