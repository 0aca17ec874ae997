package cn.tongguan.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Stats;
import cn.tongguan.console.i18n.Messages;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WallPanelsViewModelTest {
    private final WallPanelsViewModel model = new WallPanelsViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), s -> s, 3);
    private static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");

    /** A row as the platform sends it: counts, and the rates it computed from them (fractions, null on a zero base). */
    private static Stats.Row row(String key, String name, long reported, long dispatched, long disposed, long shouldClose,
                                 long closed, long overdue) {
        return new Stats.Row(key, name, reported, reported, dispatched, disposed, disposed, shouldClose, closed, closed, 0, 0,
                overdue, 0, rate(disposed, dispatched), null, rate(closed, shouldClose), null, null, null, null);
    }

    private static Double rate(long n, long d) {
        return d == 0 ? null : (double) n / d;
    }

    static Cases.Case item(long id, String state, int minutes) {
        return new Cases.Case(id, "XX" + id, state, "hotline", "event", "01", "0101", 113.9, 35.3, null, null, null, null,
                null, "人民路", "积水" + id, "normal", null, null, null, 1, AT.plusSeconds(60L * minutes), null, null, null,
                null, "closed".equals(state) ? AT.plusSeconds(3600) : null, null, null, null, "green", false, 0, 0, 0, null, null);
    }

    @Test
    void cityFiguresAreThePlatformsTotalAndEachDistrictItsOwnRate() {
        // The city total holds a case of no district (151 received): the wall shows it, it does not sum the rows.
        model.today(new Stats.Report("district", AT.minusSeconds(3600), AT, List.of(
                row("410702", "红旗区", 100, 80, 78, 90, 88, 3), row("410703", "卫滨区", 50, 40, 40, 45, 44, 0)),
                row(null, null, 151, 120, 118, 135, 132, 3)));
        assertThat(model.receivedProperty().get()).isEqualTo("151");
        assertThat(model.dispatchedProperty().get()).isEqualTo("120");
        assertThat(model.closedProperty().get()).isEqualTo("132");
        assertThat(model.overdueProperty().get()).isEqualTo("3");
        assertThat(model.disposeRateProperty().get()).isEqualTo("98.33%");
        assertThat(model.closeRateProperty().get()).isEqualTo("97.78%");
        assertThat(model.districts()).containsExactly("红旗区：受理 100，结案率 97.78%", "卫滨区：受理 50，结案率 97.78%");
    }

    @Test
    void ratesAreShownAsSentNotRecomputedFromTheCounts() {
        Stats.Row sent = new Stats.Row("410702", "红旗区", 10, 10, 10, 10, 10, 10, 10, 10, 0, 0, 0, 0, 0.5, null, 0.25, null,
                null, null, null);
        model.today(new Stats.Report("district", AT.minusSeconds(3600), AT, List.of(sent), sent));
        assertThat(model.disposeRateProperty().get()).isEqualTo("50.00%");
        assertThat(model.closeRateProperty().get()).isEqualTo("25.00%");
        assertThat(model.districts()).containsExactly("红旗区：受理 10，结案率 25.00%");
    }

    @Test
    void aPlatformThatSendsNoTotalLeavesTheCityFiguresOpen() {
        model.today(new Stats.Report("district", AT.minusSeconds(3600), AT,
                List.of(row("410702", "红旗区", 100, 80, 78, 0, 0, 3)), null));
        assertThat(List.of(model.receivedProperty().get(), model.dispatchedProperty().get(), model.closedProperty().get(),
                model.overdueProperty().get(), model.disposeRateProperty().get(), model.closeRateProperty().get()))
                .containsOnly("—");
        assertThat(model.districts()).containsExactly("红旗区：受理 100，结案率 —");
    }

    @Test
    void caseEventsKeepTheNewestOpenCasesAndDropClosedOnes() {
        model.recent(List.of(item(1, "reported", 1), item(2, "dispatched", 2)));
        assertThat(model.cases()).containsExactly("10:02:00 XX2 积水2 · dispatched", "10:01:00 XX1 积水1 · reported");
        model.caseChanged(item(3, "reported", 3));
        model.caseChanged(item(4, "reported", 4));
        assertThat(model.cases()).hasSize(3).first().asString().contains("XX4");
        model.caseChanged(item(3, "closed", 3));
        assertThat(model.cases()).extracting(l -> l.split(" ")[1]).containsExactly("XX4", "XX2");
        model.caseChanged(item(9, "closed", 9));
        assertThat(model.cases()).hasSize(2);
    }
}
