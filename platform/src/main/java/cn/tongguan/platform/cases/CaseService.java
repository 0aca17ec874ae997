package cn.tongguan.platform.cases;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Events;
import cn.tongguan.api.Reference;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.events.EventLog;
import cn.tongguan.platform.geo.Locator;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.reference.ReferenceDataStore;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import cn.tongguan.platform.workflow.WorkCalendar;
import cn.tongguan.platform.workflow.Workflow;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reporting and moving cases: validation against reference data, the state machine with role and department
 * checks, optimistic concurrency, the disposal clock (ADR 0013), the timeline and the event — all in one
 * transaction, so nothing is half-written.
 */
public final class CaseService {
    /** Used when a small class has no time limit: one working day (kept as data elsewhere; see ADR 0013). */
    private static final Reference.TimeLimit DEFAULT_LIMIT = new Reference.TimeLimit("*", "normal", 1, "work_day");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Database db;
    private final EventLog events;
    private final ReferenceDataStore reference;
    private final Clock clock;
    private final CaseEffects effects;
    private final CaseEndListener endListener;
    private long nextId;
    private final Map<LocalDate, Integer> daySeq = new HashMap<>();
    /**
     * Recently written cases, touched only under the writer lock (ADR 0011: this process is the only writer of
     * case rows), so a transition usually skips its SELECT. Entries are replaced after commit, never mutated.
     */
    private final Map<Long, CaseRecord> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CaseRecord> eldest) {
            return size() > 20_000;
        }
    };

    public CaseService(Database db, EventLog events, ReferenceDataStore reference, Clock clock) {
        this(db, events, reference, clock, CaseEndListener.NONE);
    }

    /** With a listener told of cases that close or are voided (the ledger of difficult cases closes its entry). */
    public CaseService(Database db, EventLog events, ReferenceDataStore reference, Clock clock, CaseEndListener endListener) {
        this.endListener = endListener;
        this.db = db;
        this.events = events;
        this.reference = reference;
        this.clock = clock;
        this.effects = new CaseEffects(reference::calendar);
        this.nextId = db.read(tx -> Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), 0) FROM cases")) + 1;
        // Another platform instance on the same database wrote: its cases move the counters and age the cache.
        db.onForeignWrites(tx -> {
            nextId = Math.max(nextId, Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), 0) FROM cases") + 1);
            daySeq.clear();
            recent.clear();
            return null;
        });
    }

    /** A report as filed: the case, and whether this call filed it ({@code false}: its clientId was seen before). */
    public record Filed(Cases.Case item, boolean first) {
    }

    public Cases.Case create(Principal p, Cases.NewCase n) {
        return file(p, n).item();
    }

    /**
     * Files a report, or — when the same user already filed one with the same {@code clientId} — answers that case
     * as it is now, whatever the rest of the body says (ADR 0081: the client id names the report, for ever).
     */
    public Filed file(Principal p, Cases.NewCase n) {
        if (n.clientId() != null) {
            Optional<Cases.Case> known = db.read(tx -> byClientId(tx, p, n.clientId()));
            if (known.isPresent()) {
                return new Filed(known.get(), false);
            }
        }
        Locator locator = reference.locator();
        if (!locator.inCity(n.lng(), n.lat())) {
            throw ApiException.unprocessable("outside_city", Map.of("lng", n.lng(), "lat", n.lat()));
        }
        Locator.Location where = locator.locate(n.lng(), n.lat());
        return db.write(tx -> {
            if (n.clientId() != null) {
                // Again under the writer lock: a replay racing the first request finds the case the first one filed.
                Optional<Cases.Case> known = byClientId(tx, p, n.clientId());
                if (known.isPresent()) {
                    return new Filed(known.get(), false);
                }
            }
            if (!reference.categoryExists(tx, n.kind(), n.bigCode(), n.smallCode())) {
                String code = n.kind() + ":" + n.bigCode() + "/" + n.smallCode();
                throw ApiException.unprocessable("unknown_category", Map.of("field", "smallCode"), code);
            }
            String part = n.partCode();
            if (part != null && !reference.partExists(tx, part)) {
                throw ApiException.unprocessable("unknown_part", Map.of("field", "partCode"), part);
            }
            if (part == null && "part".equals(n.kind())) {
                part = reference.nearestPart(tx, n.smallCode(), n.lng(), n.lat()).orElse(null);
            }
            long now = clock.millis();
            CaseRecord r = new CaseRecord();
            r.id = nextId++;
            r.caseNo = caseNo(tx, now);
            boolean self = n.selfHandled() && p.role() == Role.INSPECTOR;
            r.state = self ? Workflow.SELF_HANDLED : Workflow.REPORTED;
            r.source = n.source();
            r.kind = n.kind();
            r.bigCode = n.bigCode();
            r.smallCode = n.smallCode();
            r.lng = n.lng();
            r.lat = n.lat();
            r.districtCode = where.districtCode();
            r.streetCode = where.streetCode();
            r.communityCode = where.communityCode();
            r.gridCode = where.gridCode();
            r.partCode = part;
            r.address = n.address();
            r.description = n.description();
            r.urgency = n.urgency();
            r.reporterName = n.reporterName();
            r.reporterPhone = n.reporterPhone();
            r.requestType = n.requestType();
            r.reportedBy = p.username();
            r.version = 1;
            r.reportedAt = now;
            r.updatedAt = now;
            CaseStore.insert(tx.connection(), r);
            if (n.clientId() != null) {
                Sql.update(tx.connection(), "INSERT INTO case_client_ids (reported_by, client_id, case_id) VALUES (?, ?, ?)",
                        p.username(), n.clientId(), r.id);
            }
            tx.afterCommit(() -> recent.put(r.id, r));
            String action = self ? "self_handle" : "report";
            CaseStore.insertStep(tx.connection(), r.id, 1, action, null, r.state, p.username(), p.role().code(), now, null);
            Cases.TimelineEntry step = new Cases.TimelineEntry(1, action, null, r.state, p.username(), p.role().code(),
                    Instant.ofEpochMilli(now), null);
            events.append(tx, "case.created", new Events.CaseChange(CaseStore.view(r, now, Masking.HIDDEN), step));
            return new Filed(CaseStore.view(r, now, Masking.of(p)), true);
        });
    }

    /** Whether the step made on {@code version} (the one that made version + 1) was requested by {@code actor} with {@code key}. */
    private static boolean isStepOn(Database.Tx tx, long caseId, long version, String key, String actor)
            throws SQLException {
        try (var ps = Sql.prepare(tx.connection(), "SELECT request_key, actor FROM case_transitions WHERE case_id = ? AND seq = ?",
                caseId, (int) version + 1); var rs = ps.executeQuery()) {
            return rs.next() && key.equals(rs.getString(1)) && actor.equals(rs.getString(2));
        }
    }

    private Optional<Cases.Case> byClientId(Database.Tx tx, Principal p, String clientId) throws SQLException {
        long id = Sql.queryLong(tx.connection(), "SELECT case_id FROM case_client_ids WHERE reported_by = ? AND client_id = ?",
                p.username(), clientId);
        if (id == 0) {
            return Optional.empty();
        }
        CaseRecord r = CaseStore.load(tx.connection(), id);
        return r == null ? Optional.empty() : Optional.of(CaseStore.view(r, clock.millis(), Masking.of(p)));
    }

    /** Re-reads the id and case-number counters (after a bulk import wrote cases behind this service). */
    public void refreshSequences() {
        // Under the write lock, like every allocation of an id.
        db.write(tx -> {
            nextId = Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), 0) FROM cases") + 1;
            daySeq.clear();
            recent.clear();
            return null;
        });
    }

    /** How many cases are stored. */
    public long count() {
        return db.read(tx -> Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM cases"));
    }

    /** Next case id (call inside a write transaction). */
    long allocateId() {
        return nextId++;
    }

    /** Next case number of the day of {@code at} (call inside a write transaction). */
    String allocateCaseNo(Database.Tx tx, long at) throws SQLException {
        return caseNo(tx, at);
    }

    private String caseNo(Database.Tx tx, long now) throws SQLException {
        LocalDate day = Instant.ofEpochMilli(now).atZone(WorkCalendar.ZONE).toLocalDate();
        String prefix = day.format(DAY);
        Integer seq = daySeq.get(day);
        if (seq == null) {
            // First case of the day in this process: continue after what is stored (restart-safe).
            long max = 0;
            try (var ps = Sql.prepare(tx.connection(), "SELECT MAX(case_no) FROM cases WHERE case_no LIKE ?", prefix + "%");
                 var rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null && rs.getString(1).length() == 14) {
                    max = Long.parseLong(rs.getString(1).substring(8));
                }
            }
            seq = (int) max;
        }
        seq++;
        daySeq.put(day, seq);
        return prefix + String.format("%06d", seq);
    }

    /** Applies one workflow action; see the class comment for the order of checks. */
    public Cases.Case transition(Principal p, long id, Cases.Transition t) {
        return transition(p, id, t, null);
    }

    /**
     * As {@link #transition(Principal, long, Cases.Transition)}, remembering {@code requestKey} (the request's
     * Idempotency-Key, or null) in the step, so that the same request sent again is answered, not refused (ADR 0082).
     */
    public Cases.Case transition(Principal p, long id, Cases.Transition t, String requestKey) {
        return db.write(tx -> {
            CaseRecord cached = recent.get(id);
            CaseRecord r = cached != null ? cached.copy() : CaseStore.load(tx.connection(), id);
            if (r == null) {
                throw ApiException.notFound("case", id);
            }
            if (p.role() == Role.DEPARTMENT && !java.util.Objects.equals(p.departmentCode(), r.departmentCode)) {
                throw new ApiException(403, "not_your_department", Map.of());
            }
            Workflow.Rule rule = Workflow.rule(t.action());
            if (rule == null) {
                throw new ApiException(400, "invalid_field", Map.of("field", "action", "reason", "unknown_value",
                        "allowed", Workflow.allowedFor(r.state, p.role())), "action", "unknown_value");
            }
            if (!rule.roles().contains(p.role())) {
                throw new ApiException(403, "forbidden", Map.of("allowed", Workflow.allowedFor(r.state, p.role())));
            }
            long now = clock.millis();
            if (requestKey != null && t.version() < r.version && isStepOn(tx, r.id, t.version(), requestKey, p.username())) {
                // The step made on that version is this very request (same user, same key): a replay whose answer was
                // lost, e.g. the platform was killed before the idempotency record was stored (ADR 0082). Answer the
                // case as it is now, even if others have moved it on since.
                return CaseStore.view(r, now, Masking.of(p));
            }
            if (t.version() != r.version) {
                throw ApiException.conflict("version_conflict", Map.of("current", CaseStore.view(r, now, Masking.of(p))));
            }
            if (!rule.from().contains(r.state)) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("state", r.state);
                d.put("allowed", Workflow.allowedFor(r.state, p.role()));
                d.put("allowedAnyRole", Workflow.allowedFrom(r.state));
                throw ApiException.conflict("illegal_transition", d, r.state, t.action());
            }
            String from = r.state;
            String note = apply(tx, p, r, rule, t, now);
            r.state = rule.to();
            long expected = r.version;
            r.version++;
            r.updatedAt = now;
            if (!CaseStore.update(tx.connection(), r, expected)) {
                CaseRecord current = CaseStore.load(tx.connection(), id);
                recent.remove(id);
                throw ApiException.conflict("version_conflict", Map.of("current", CaseStore.view(current, now, Masking.of(p))));
            }
            tx.afterCommit(() -> recent.put(id, r));
            CaseStore.insertStep(tx.connection(), r.id, (int) r.version, t.action(), from, r.state, p.username(),
                    p.role().code(), now, note, requestKey);
            Cases.TimelineEntry step = new Cases.TimelineEntry((int) r.version, t.action(), from, r.state, p.username(),
                    p.role().code(), Instant.ofEpochMilli(now), note);
            events.append(tx, "case.transitioned", new Events.CaseChange(CaseStore.view(r, now, Masking.HIDDEN), step));
            if ("closed".equals(r.state) || "void".equals(r.state)) {
                endListener.ended(tx, id, r.state, now);
            }
            return CaseStore.view(r, now, Masking.of(p));
        });
    }

    /**
     * Side effects of an action on the record; the checks that need the database happen here. Returns the note
     * the timeline keeps (a merge names the case it went into).
     */
    private String apply(Database.Tx tx, Principal p, CaseRecord r, Workflow.Rule rule, Cases.Transition t, long now)
            throws SQLException {
        switch (rule.action()) {
            case "merge" -> {
                return merge(tx, p, r, t, now);
            }
            case "dispatch" -> {
                if (t.departmentCode() == null) {
                    throw ApiException.unprocessable("department_required", Map.of("field", "departmentCode"));
                }
                if (!reference.departmentExists(tx, t.departmentCode())) {
                    throw ApiException.unprocessable("unknown_department", Map.of("field", "departmentCode"),
                            t.departmentCode());
                }
                Reference.TimeLimit limit = reference.timeLimit(tx, r.kind, r.smallCode, r.urgency).orElse(DEFAULT_LIMIT);
                effects.dispatch(r, t.departmentCode(), limit, now);
            }
            case "apply_extension" -> {
                if (t.hours() == null) {
                    throw ApiException.unprocessable("hours_required", Map.of("field", "hours"));
                }
                effects.apply(r, rule.action(), t.hours(), now);
            }
            default -> effects.apply(r, rule.action(), t.hours(), now);
        }
        return t.note();
    }

    /** States a duplicate may not be merged into: the target must still be alive. */
    private static final java.util.Set<String> DEAD = java.util.Set.of("cancelled", "void");

    /**
     * 合并: the duplicate is cancelled, and the case it joins gets a {@code merged_in} step (state unchanged,
     * version + 1, its own event), so whoever follows that case sees that one more report asked for it.
     */
    private String merge(Database.Tx tx, Principal p, CaseRecord dup, Cases.Transition t, long now) throws SQLException {
        if (t.targetCaseId() == null) {
            throw ApiException.unprocessable("target_required", Map.of("field", "targetCaseId"));
        }
        if (t.targetCaseId() == dup.id) {
            throw ApiException.unprocessable("merge_into_itself", Map.of("field", "targetCaseId"));
        }
        CaseRecord cached = recent.get(t.targetCaseId());
        CaseRecord target = cached != null ? cached.copy() : CaseStore.load(tx.connection(), t.targetCaseId());
        if (target == null) {
            throw ApiException.unprocessable("unknown_target", Map.of("field", "targetCaseId"), t.targetCaseId());
        }
        if (DEAD.contains(target.state)) {
            throw ApiException.conflict("target_closed", Map.of("state", target.state), target.caseNo, target.state);
        }
        long expected = target.version;
        target.version++;
        target.updatedAt = now;
        if (!CaseStore.update(tx.connection(), target, expected)) {
            recent.remove(target.id);
            throw ApiException.conflict("version_conflict", Map.of("case", target.id));
        }
        tx.afterCommit(() -> recent.put(target.id, target));
        String inNote = dup.caseNo + (t.note() == null ? "" : ": " + t.note());
        CaseStore.insertStep(tx.connection(), target.id, (int) target.version, "merged_in", target.state, target.state,
                p.username(), p.role().code(), now, inNote);
        Cases.TimelineEntry step = new Cases.TimelineEntry((int) target.version, "merged_in", target.state,
                target.state, p.username(), p.role().code(), Instant.ofEpochMilli(now), inNote);
        events.append(tx, "case.transitioned", new Events.CaseChange(CaseStore.view(target, now, Masking.HIDDEN), step));
        return "→ " + target.caseNo + (t.note() == null ? "" : ": " + t.note());
    }
}
