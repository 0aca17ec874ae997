package cn.tongguan.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongguan.reports.model.Column;
import cn.tongguan.reports.model.Grade;
import cn.tongguan.reports.model.GradeBands;
import cn.tongguan.reports.model.Kpi;
import cn.tongguan.reports.model.RankRow;
import cn.tongguan.reports.model.Ranking;
import cn.tongguan.reports.model.Rankings;
import cn.tongguan.reports.model.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingsTest {
    private static Rankings.Scored unit(String name, double score) {
        return new Rankings.Scored(name, name, List.of(), score);
    }

    @Test
    void ranksBestFirstGradesByBandsAndMarksTheWorstThree() {
        List<RankRow> rows = Rankings.rank(List.of(unit("乙", 74.9), unit("甲", 95), unit("丙", 60), unit("丁", 39.99),
                unit("戊", 90), unit("己", 75), unit("庚", 40)), GradeBands.STANDARD, 3);
        assertThat(rows).extracting(RankRow::name).containsExactly("甲", "戊", "己", "乙", "丙", "庚", "丁");
        assertThat(rows).extracting(RankRow::grade).containsExactly(Grade.A, Grade.A, Grade.B, Grade.C, Grade.C, Grade.D, Grade.E);
        assertThat(rows).extracting(RankRow::rank).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(rows).filteredOn(RankRow::worst).extracting(RankRow::name).containsExactly("丙", "庚", "丁");
    }

    @Test
    void neverMarksMoreThanHalfOfASmallTable() {
        List<RankRow> four = Rankings.rank(List.of(unit("红旗区", 91), unit("卫滨区", 88), unit("牧野区", 85), unit("凤泉区", 80)),
                GradeBands.STANDARD, 3);
        assertThat(four).filteredOn(RankRow::worst).extracting(RankRow::name).containsExactly("牧野区", "凤泉区");
    }

    @Test
    void tiesShareARankAndAreNotMarkedWorstAgainstAnEqualNeighbour() {
        List<RankRow> rows = Rankings.rank(List.of(unit("甲", 100), unit("乙", 100), unit("丙", 100), unit("丁", 100),
                unit("戊", 100), unit("己", 100), unit("庚", 100), unit("辛", 100), unit("壬", 40)), GradeBands.STANDARD, 3);
        assertThat(rows).extracting(RankRow::rank).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 9);
        assertThat(rows).filteredOn(RankRow::worst).extracting(RankRow::name).containsExactly("壬");
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefused() {
        RankRow row = new RankRow(1, "D01", "市城市管理局", List.of(1.0), 90, Grade.A, false);
        assertThatThrownBy(() -> new Ranking("排名", "部门", List.of(new Column("立案数", Unit.COUNT), new Column("结案率", Unit.PERCENT)),
                List.of(row))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("市城市管理局");
    }

    @Test
    void changesAreRelativeForCountsAndInPointsForRates() {
        Kpi received = Kpi.count("受理", 110, 100L, null);
        assertThat(Formats.change(received, received.previous())).isEqualTo("↑10.00%");
        assertThat(Formats.change(received, received.lastYear())).isEqualTo("—");
        Kpi rework = Kpi.rate("返工率", 0.0213, 0.0198, 0.0213, false);
        assertThat(Formats.change(rework, rework.previous())).isEqualTo("↑0.15个百分点");
        assertThat(Formats.better(rework, rework.previous())).isFalse();
        assertThat(Formats.change(rework, rework.lastYear())).isEqualTo("持平");
        assertThat(Formats.value(0.96934, Unit.PERCENT)).isEqualTo("96.93%");
    }
}
