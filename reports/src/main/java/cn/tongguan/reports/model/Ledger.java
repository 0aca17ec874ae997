package cn.tongguan.reports.model;

import java.util.List;

/** The difficult-case ledger's figures (台账总数, 现场交办, 已结案, 超期) and its rows. */
public record Ledger(long total, long assignedOnSpot, long closed, long overdue, List<LedgerRow> rows) {
    public Ledger {
        rows = List.copyOf(rows);
    }

    public static Ledger empty() {
        return new Ledger(0, 0, 0, 0, List.of());
    }
}
