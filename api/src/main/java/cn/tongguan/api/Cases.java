package cn.tongguan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** Cases (案件): reporting, the case as the platform shows it, its timeline and photos, transitions. */
public final class Cases {
    private Cases() {
    }

    /** A report (上报). Location is WGS84 lng/lat; the platform resolves district/street/community/grid. */
    public record NewCase(String source, String kind, String bigCode, String smallCode, Double lng, Double lat,
                          String address, String description, String urgency, String reporterName,
                          String reporterPhone, String partCode, Boolean selfHandled, String requestType,
                          String clientId) {
        /** Without a client-made id (a report that is never replayed after the idempotency window). */
        public NewCase(String source, String kind, String bigCode, String smallCode, Double lng, Double lat,
                       String address, String description, String urgency, String reporterName, String reporterPhone,
                       String partCode, Boolean selfHandled, String requestType) {
            this(source, kind, bigCode, smallCode, lng, lat, address, description, urgency, reporterName, reporterPhone,
                    partCode, selfHandled, requestType, null);
        }

        public NewCase(String source, String kind, String bigCode, String smallCode, Double lng, Double lat,
                       String address, String description, String urgency, String reporterName, String reporterPhone,
                       String partCode, Boolean selfHandled) {
            this(source, kind, bigCode, smallCode, lng, lat, address, description, urgency, reporterName, reporterPhone,
                    partCode, selfHandled, null, null);
        }

        public NewCase {
            Invalid.oneOf("source", Invalid.required("source", source), Codes.SOURCES);
            Invalid.oneOf("kind", Invalid.required("kind", kind), Codes.KINDS);
            Invalid.maxLength("bigCode", Invalid.required("bigCode", bigCode), 16);
            Invalid.maxLength("smallCode", Invalid.required("smallCode", smallCode), 16);
            Invalid.required("lng", lng);
            Invalid.required("lat", lat);
            if (lng < -180 || lng > 180 || lng.isNaN()) {
                throw new Invalid("lng", "out_of_range");
            }
            if (lat < -90 || lat > 90 || lat.isNaN()) {
                throw new Invalid("lat", "out_of_range");
            }
            Invalid.maxLength("address", address, 256);
            Invalid.maxLength("description", Invalid.required("description", description), 2000);
            urgency = urgency == null ? "normal" : Invalid.oneOf("urgency", urgency, Codes.URGENCIES);
            Invalid.maxLength("reporterName", reporterName, 64);
            Invalid.maxLength("reporterPhone", reporterPhone, 32);
            Invalid.maxLength("partCode", partCode, 32);
            selfHandled = selfHandled != null && selfHandled;
            if (requestType != null) {
                Invalid.oneOf("requestType", requestType, Codes.REQUEST_TYPES);
                if (!source.startsWith("hotline_")) {
                    throw new Invalid("requestType", "hotline_only");
                }
            }
            // The client's own id of this report (a UUID made when the report was first written down): the platform
            // files one case per (reporter, clientId) for ever, so a replay after any delay is recognised.
            if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
                throw new Invalid("clientId", "format");
            }
        }

        private static final java.util.regex.Pattern CLIENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{8,64}");
    }

    /**
     * A case as every list, detail, snapshot line and event carries it. {@code light} is the traffic light of
     * the disposal clock (null before dispatch); {@code version} grows by one with every change.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Case(long id, String caseNo, String state, String source, String kind, String bigCode,
                       String smallCode, double lng, double lat, String districtCode, String streetCode,
                       String communityCode, String gridCode, String partCode, String address, String description,
                       String urgency, String reporterName, String reporterPhone, String departmentCode, long version,
                       Instant reportedAt, Instant updatedAt, Instant filedAt, Instant dispatchedAt,
                       Instant disposedAt, Instant closedAt, Instant deadline, Integer limitAmount, String limitUnit,
                       String light, boolean overdue, int reworkCount, int backCount, int extensionCount,
                       String requestType, Instant warnAt) {
    }

    public record TimelineEntry(int seq, String action, String fromState, String toState, String actor, String role,
                                Instant at, String note) {
    }

    public record Photo(long id, long caseId, String stage, String contentType, long size, Instant uploadedAt,
                        String uploadedBy, String url) {
    }

    /** One case with its whole timeline (who, role, when, from → to, note) and photos. */
    public record CaseDetail(Case item, List<TimelineEntry> timeline, List<Photo> photos) {
    }

    public record CasePage(List<Case> items, String nextCursor) {
    }

    /**
     * A move of the workflow. {@code version} is the version the caller saw (optimistic concurrency).
     * {@code departmentCode} for 派遣; {@code hours} for 延期 applications; {@code targetCaseId} for 合并 (merge):
     * the case this duplicate is merged into.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Transition(String action, Long version, String note, String departmentCode, Integer hours,
                             Long targetCaseId) {
        public Transition(String action, Long version, String note, String departmentCode, Integer hours) {
            this(action, version, note, departmentCode, hours, null);
        }

        public Transition {
            Invalid.maxLength("action", Invalid.required("action", action), 32);
            Invalid.required("version", version);
            Invalid.maxLength("note", note, 1000);
            if (hours != null && (hours <= 0 || hours > 24 * 365)) {
                throw new Invalid("hours", "out_of_range");
            }
        }
    }

    /**
     * A historical or externally created case for bulk import ({@code POST /api/v1/admin/import/cases}, NDJSON):
     * the demo-city generator's two years of history. Location codes are resolved when absent; {@code caseNo}
     * is generated when absent. Only the fields below are taken; the timeline gets one {@code import} step.
     */
    public record ImportedCase(String caseNo, String state, String source, String kind, String bigCode, String smallCode,
                               Double lng, Double lat, String districtCode, String streetCode, String communityCode,
                               String gridCode, String partCode, String address, String description, String urgency,
                               String reporterName, String reporterPhone, String departmentCode, Instant reportedAt,
                               Instant filedAt, Instant dispatchedAt, Instant disposedAt, Instant closedAt,
                               Instant deadline, Integer limitAmount, String limitUnit, Integer reworkCount,
                               Integer backCount, Integer extensionCount, Boolean disposedInTime,
                               Boolean closedInTime) {
        public ImportedCase {
            Invalid.maxLength("caseNo", caseNo, 20);
            Invalid.maxLength("state", Invalid.required("state", state), 24);
            Invalid.oneOf("source", Invalid.required("source", source), Codes.SOURCES);
            Invalid.oneOf("kind", Invalid.required("kind", kind), Codes.KINDS);
            Invalid.required("bigCode", bigCode);
            Invalid.required("smallCode", smallCode);
            Invalid.required("lng", lng);
            Invalid.required("lat", lat);
            Invalid.maxLength("description", Invalid.required("description", description), 2000);
            urgency = urgency == null ? "normal" : Invalid.oneOf("urgency", urgency, Codes.URGENCIES);
            Invalid.required("reportedAt", reportedAt);
            Invalid.oneOf("limitUnit", limitUnit, Codes.LIMIT_UNITS);
        }
    }

    /**
     * An entry of the ledger of difficult cases (疑难案件台账): the case, when it was listed, and when a
     * monthly joint meeting assigned it ({@code null} while it waits for one).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DifficultCase(Case item, Instant listedAt, Instant assignedAt, String note) {
    }

    /**
     * First line of {@code GET /api/v1/cases/snapshot}: the event id the following lines reflect and how many
     * lines follow ({@code total}; {@code null} from platforms older than issue 13).
     */
    public record SnapshotHeader(String type, long eventId, Long total) {
        public SnapshotHeader(String type, long eventId) {
            this(type, eventId, null);
        }
    }
}
