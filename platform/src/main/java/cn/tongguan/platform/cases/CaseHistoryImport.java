package cn.tongguan.platform.cases;

import cn.tongguan.api.Reference;
import cn.tongguan.platform.reference.ReferenceDataStore;
import cn.tongguan.platform.storage.BulkIndexes;
import cn.tongguan.platform.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bulk import of case history (the demo city's two years): each case's steps are replayed through the
 * same {@link CaseEffects} as live transitions, so clocks, lights and in-time flags are what the live
 * workflow would have computed, then written in JDBC batches. Meant for an empty platform before clients
 * connect; the running service re-reads its case id and number counters when the import closes. Emits no events: consoles take the
 * history through the snapshot.
 */
public final class CaseHistoryImport implements AutoCloseable {
    /** One step; {@code departmentCode} for 派遣, {@code hours} for 申请延期. */
    public record Step(String action, String fromState, String toState, String actor, String role, Instant at,
                       String note, String departmentCode, Integer hours) {
    }

    /**
     * A case as reported, with the steps it went through (the first step is the report itself).
     *
     * @param address where it is as people say it (road and door number, or a crossing), or null
     */
    public record HistoricCase(long id, String caseNo, String source, String kind, String bigCode, String smallCode,
                               double lng, double lat, String districtCode, String streetCode, String communityCode,
                               String gridCode, String partCode, String address, String description, String urgency,
                               String reporterName, String reporterPhone, List<Step> steps, Ledger ledger) {

        /** A case without an address (test fixtures). */
        public HistoricCase(long id, String caseNo, String source, String kind, String bigCode, String smallCode,
                            double lng, double lat, String districtCode, String streetCode, String communityCode,
                            String gridCode, String partCode, String description, String urgency,
                            String reporterName, String reporterPhone, List<Step> steps, Ledger ledger) {
            this(id, caseNo, source, kind, bigCode, smallCode, lng, lat, districtCode, streetCode, communityCode, gridCode,
                    partCode, null, description, urgency, reporterName, reporterPhone, steps, ledger);
        }
    }

    /** The case's entry in the ledger of difficult cases (疑难案件台账); {@code assignedAt} null while open. */
    public record Ledger(Instant listedAt, Instant assignedAt, String note) {
    }

    private static final int BATCH = 2_000;
    private static final Reference.TimeLimit DEFAULT_LIMIT = new Reference.TimeLimit("*", "normal", 1, "work_day");

    private final Database db;
    private final ReferenceDataStore reference;
    private final CaseEffects effects;
    private final Map<String, Reference.TimeLimit> limits = new HashMap<>();
    private final List<HistoricCase> pending = new ArrayList<>(BATCH);
    private final Runnable afterImport;
    /** The case table's secondary indexes, set aside from the first batch until close (ADR 0141). */
    private BulkIndexes setAside;
    /** The free-text pairs' index likewise (ADR 0150): ~20 rows per case, cheaper sorted once at the end. */
    private BulkIndexes termsSetAside;
    /** The pairs' counts of everything imported, added to case_term_counts once at close. */
    private final Map<Integer, Long> termCounts = new HashMap<>();
    private long imported;

    public CaseHistoryImport(Database db, ReferenceDataStore reference, Runnable afterImport) {
        this.db = db;
        this.afterImport = afterImport;
        this.reference = reference;
        this.effects = new CaseEffects(reference::calendar);
    }

    public void add(HistoricCase c) {
        pending.add(c);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    public long imported() {
        return imported;
    }

    /** Writes what is pending, builds the case indexes again over everything imported, continues the numbering. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            if (setAside != null) {
                setAside.restore();
                setAside = null;
            }
            if (termsSetAside != null) {
                termsSetAside.restore();
                termsSetAside = null;
            }
            // A planning figure (ListPlan): lost with a killed import, the pairs count as rare, still found exactly.
            db.write(tx -> {
                CaseTerms.addCounts(tx.connection(), termCounts);
                return null;
            });
            termCounts.clear();
        }
        afterImport.run();
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        if (setAside == null) {
            setAside = BulkIndexes.suspend(db, "cases");
            termsSetAside = BulkIndexes.suspend(db, "case_terms");
        }
        db.write(tx -> {
            Connection c = tx.connection();
            try (PreparedStatement cases = c.prepareStatement(
                    "INSERT INTO cases (" + CaseStore.COLUMNS + ") VALUES (" + CaseStore.PLACEHOLDERS + ")");
                 PreparedStatement steps = c.prepareStatement("INSERT INTO case_transitions "
                         + "(case_id, seq, action, from_state, to_state, actor, role, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement ledger = c.prepareStatement(
                         "INSERT INTO difficult_cases (case_id, listed_at, assigned_at, note) VALUES (?, ?, ?, ?)");
                 PreparedStatement terms = c.prepareStatement(CaseTerms.INSERT)) {
                for (HistoricCase h : pending) {
                    CaseStore.bindInsert(cases, replay(tx, h));
                    cases.addBatch();
                    CaseTerms.addBatch(terms, h.id(), h.description(), h.address());
                    CaseTerms.tally(termCounts, h.description(), h.address());
                    if (h.ledger() != null) {
                        ledger.setLong(1, h.id());
                        ledger.setLong(2, h.ledger().listedAt().toEpochMilli());
                        if (h.ledger().assignedAt() == null) {
                            ledger.setNull(3, java.sql.Types.BIGINT);
                        } else {
                            ledger.setLong(3, h.ledger().assignedAt().toEpochMilli());
                        }
                        ledger.setString(4, h.ledger().note());
                        ledger.addBatch();
                    }
                    int seq = 0;
                    for (Step s : h.steps()) {
                        steps.setLong(1, h.id());
                        steps.setInt(2, ++seq);
                        steps.setString(3, s.action());
                        steps.setString(4, s.fromState());
                        steps.setString(5, s.toState());
                        steps.setString(6, s.actor());
                        steps.setString(7, s.role());
                        steps.setLong(8, s.at().toEpochMilli());
                        steps.setString(9, s.note());
                        steps.addBatch();
                    }
                }
                cases.executeBatch();
                steps.executeBatch();
                ledger.executeBatch();
                terms.executeBatch();
            }
            return null;
        });
        imported += pending.size();
        pending.clear();
    }

    private CaseRecord replay(Database.Tx tx, HistoricCase h) throws SQLException {
        CaseRecord r = new CaseRecord();
        Step report = h.steps().get(0);
        r.id = h.id();
        r.caseNo = h.caseNo();
        r.source = h.source();
        r.kind = h.kind();
        r.bigCode = h.bigCode();
        r.smallCode = h.smallCode();
        r.lng = h.lng();
        r.lat = h.lat();
        r.address = h.address();
        r.districtCode = h.districtCode();
        r.streetCode = h.streetCode();
        r.communityCode = h.communityCode();
        r.gridCode = h.gridCode();
        r.partCode = h.partCode();
        r.description = h.description();
        r.urgency = h.urgency();
        r.reporterName = h.reporterName();
        r.reporterPhone = h.reporterPhone();
        r.reportedBy = report.actor();
        r.reportedAt = report.at().toEpochMilli();
        r.state = report.toState();
        for (Step s : h.steps().subList(1, h.steps().size())) {
            long at = s.at().toEpochMilli();
            if ("dispatch".equals(s.action())) {
                effects.dispatch(r, s.departmentCode(), limit(tx, r), at);
            } else {
                effects.apply(r, s.action(), s.hours(), at);
            }
            r.state = s.toState();
        }
        r.version = h.steps().size();
        r.updatedAt = h.steps().get(h.steps().size() - 1).at().toEpochMilli();
        return r;
    }

    private Reference.TimeLimit limit(Database.Tx tx, CaseRecord r) throws SQLException {
        String key = r.kind + "/" + r.smallCode + "/" + r.urgency;
        Reference.TimeLimit limit = limits.get(key);
        if (limit == null) {
            Optional<Reference.TimeLimit> found = reference.timeLimit(tx, r.kind, r.smallCode, r.urgency);
            limit = found.orElse(DEFAULT_LIMIT);
            limits.put(key, limit);
        }
        return limit;
    }
}
