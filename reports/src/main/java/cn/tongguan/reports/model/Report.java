package cn.tongguan.reports.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one report shows, already computed: the renderers only lay it out. {@code issuer} is the office
 * named in the header (e.g. 新乡市城市运行管理服务中心), {@code periodLabel} the period in words (2026年10月),
 * {@code notes} the method notes printed at the end (how scores and grades are computed).
 */
public record Report(ReportKind kind, String title, String issuer, String periodLabel, Instant generatedAt,
                     List<Kpi> kpis, List<Ranking> rankings, List<TrendPoint> trend, List<ClassCount> classes,
                     List<HotSpot> hotSpots, Ledger ledger, List<String> notes) {
    public Report {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(periodLabel, "periodLabel");
        Objects.requireNonNull(generatedAt, "generatedAt");
        kpis = List.copyOf(kpis);
        rankings = List.copyOf(rankings);
        trend = List.copyOf(trend);
        classes = List.copyOf(classes);
        hotSpots = List.copyOf(hotSpots);
        ledger = ledger == null ? Ledger.empty() : ledger;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
