package cn.tongguan.platform.cases;

import cn.tongguan.api.Cases;
import cn.tongguan.platform.events.EventLog;
import cn.tongguan.platform.geo.Locator;
import cn.tongguan.platform.reference.ReferenceDataStore;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.workflow.WorkCalendar;
import cn.tongguan.platform.workflow.Workflow;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Bulk load of cases (history from the demo-city generator, migrations from another platform): batched inserts
 * in one transaction per call, no per-case events — one {@code cases.imported} event tells consoles to take a
 * new snapshot. Not for live reports: those go through {@link CaseService#create}.
 */
public final class CaseImporter {
    private static final int BATCH = 1000;
    private final Database db;
    private final EventLog events;
    private final ReferenceDataStore reference;
    private final CaseService service;

    public CaseImporter(Database db, EventLog events, ReferenceDataStore reference, CaseService service) {
        this.db = db;
        this.events = events;
        this.reference = reference;
        this.service = service;
    }

    /** Imports {@code rows}; returns how many. Ids and missing case numbers come from the platform. */
    public long importCases(List<Cases.ImportedCase> rows, String actor) {
        Locator locator = reference.locator();
        WorkCalendar cal = reference.calendar();
        return db.write(tx -> {
            long first = -1;
            long last = -1;
            try (PreparedStatement cases = tx.connection().prepareStatement("INSERT INTO cases (" + CaseStore.COLUMNS
                    + ") VALUES (" + CaseStore.PLACEHOLDERS + ")");
                 PreparedStatement steps = tx.connection().prepareStatement("INSERT INTO case_transitions (case_id, seq, "
                         + "action, from_state, to_state, actor, role, at, note) VALUES (?, 1, 'import', NULL, ?, ?, 'admin', ?, NULL)");
                 PreparedStatement terms = tx.connection().prepareStatement(CaseTerms.INSERT)) {
                int pending = 0;
                Map<Integer, Long> termCounts = new java.util.HashMap<>();
                for (Cases.ImportedCase c : rows) {
                    CaseRecord r = record(c, locator, cal);
                    r.id = service.allocateId();
                    r.caseNo = c.caseNo() != null ? c.caseNo() : service.allocateCaseNo(tx, r.reportedAt);
                    r.reportedBy = actor;
                    first = first < 0 ? r.id : first;
                    last = r.id;
                    CaseStore.bindInsert(cases, r);
                    cases.addBatch();
                    CaseTerms.addBatch(terms, r.id, r.description, r.address);
                    CaseTerms.tally(termCounts, r.description, r.address);
                    cn.tongguan.platform.storage.Sql.bind(steps, r.id, r.state, actor, r.reportedAt);
                    steps.addBatch();
                    if (++pending == BATCH) {
                        cases.executeBatch();
                        steps.executeBatch();
                        terms.executeBatch();
                        pending = 0;
                    }
                }
                cases.executeBatch();
                steps.executeBatch();
                terms.executeBatch();
                CaseTerms.addCounts(tx.connection(), termCounts);
            }
            events.append(tx, "cases.imported", Map.of("count", rows.size(), "firstId", first, "lastId", last));
            return (long) rows.size();
        });
    }

    private static Long ms(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static CaseRecord record(Cases.ImportedCase c, Locator locator, WorkCalendar cal) {
        CaseRecord r = new CaseRecord();
        r.state = c.state();
        r.source = c.source();
        r.kind = c.kind();
        r.bigCode = c.bigCode();
        r.smallCode = c.smallCode();
        r.lng = c.lng();
        r.lat = c.lat();
        Locator.Location where = c.districtCode() == null ? locator.locate(c.lng(), c.lat()) : Locator.Location.NOWHERE;
        r.districtCode = c.districtCode() != null ? c.districtCode() : where.districtCode();
        r.streetCode = c.streetCode() != null ? c.streetCode() : where.streetCode();
        r.communityCode = c.communityCode() != null ? c.communityCode() : where.communityCode();
        r.gridCode = c.gridCode() != null ? c.gridCode() : where.gridCode();
        r.partCode = c.partCode();
        r.address = c.address();
        r.description = c.description();
        r.urgency = c.urgency();
        r.reporterName = c.reporterName();
        r.reporterPhone = c.reporterPhone();
        r.departmentCode = c.departmentCode();
        r.version = 1;
        r.reportedAt = c.reportedAt().toEpochMilli();
        r.filedAt = ms(c.filedAt());
        r.dispatchedAt = ms(c.dispatchedAt());
        r.disposedAt = ms(c.disposedAt());
        r.closedAt = ms(c.closedAt());
        r.updatedAt = java.util.stream.Stream.of(r.closedAt, r.disposedAt, r.dispatchedAt, r.filedAt, r.reportedAt)
                .filter(java.util.Objects::nonNull).findFirst().orElse(r.reportedAt);
        r.reworkCount = c.reworkCount() == null ? 0 : c.reworkCount();
        r.backCount = c.backCount() == null ? 0 : c.backCount();
        r.extensionCount = c.extensionCount() == null ? 0 : c.extensionCount();
        r.disposedInTime = c.disposedInTime();
        r.closedInTime = c.closedInTime();
        if (c.limitAmount() != null && c.limitUnit() != null && r.dispatchedAt != null) {
            boolean working = WorkCalendar.isWorkingClock(c.limitUnit());
            Instant start = c.dispatchedAt();
            r.limitAmount = c.limitAmount();
            r.limitUnit = c.limitUnit();
            r.limitMinutes = cal.limitMinutes(c.limitAmount(), c.limitUnit());
            r.consumedMinutes = 0L;
            r.deadlineAt = c.deadline() != null ? c.deadline().toEpochMilli() : cal.plus(start, r.limitMinutes, working).toEpochMilli();
            r.warnAt = cal.plus(start, cn.tongguan.api.CaseClock.warnMinutes(r.limitMinutes), working).toEpochMilli();
            if (Workflow.clockRuns(r.state)) {
                r.clockStartedAt = r.dispatchedAt;
            } else {
                long end = r.disposedAt != null ? r.disposedAt : r.updatedAt;
                r.frozenLight = end > r.deadlineAt ? "red" : end >= r.warnAt ? "yellow" : "green";
            }
        }
        return r;
    }
}
