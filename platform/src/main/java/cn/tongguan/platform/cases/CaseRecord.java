package cn.tongguan.platform.cases;

/**
 * The stored row of a case, mutable only inside one write transaction of {@link CaseService}; the world sees
 * the immutable {@code Cases.Case}. Times are epoch millis (null = not yet).
 */
final class CaseRecord implements Cloneable {
    long id;
    String caseNo;
    String state;
    String source;
    String kind;
    String bigCode;
    String smallCode;
    double lng;
    double lat;
    String districtCode;
    String streetCode;
    String communityCode;
    String gridCode;
    String partCode;
    String address;
    String description;
    String urgency;
    String reporterName;
    String reporterPhone;
    /** Hotline work orders: consult, help, complaint, report, suggestion (咨询/求助/投诉/举报/建议). */
    String requestType;
    String reportedBy;
    String departmentCode;
    long version;
    long reportedAt;
    long updatedAt;
    Long filedAt;
    Long dispatchedAt;
    Long disposedAt;
    Long closedAt;
    Integer limitAmount;
    String limitUnit;
    Long limitMinutes;
    Long consumedMinutes;
    Long clockStartedAt;
    Long warnAt;
    Long deadlineAt;
    String frozenLight;
    Boolean disposedInTime;
    Boolean closedInTime;
    int reworkCount;
    int backCount;
    int extensionCount;
    Integer requestedHours;

    /** A copy to mutate: every field is a primitive or an immutable value, so a shallow clone is enough. */
    CaseRecord copy() {
        try {
            return (CaseRecord) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** Traffic light at {@code now}: running clock against warn/deadline, else the light frozen when it stopped. */
    String light(long now) {
        if (limitMinutes == null) {
            return null;
        }
        if (clockStartedAt != null) {
            return cn.tongguan.api.CaseClock.runningLight(deadlineAt, warnAt, now);
        }
        return frozenLight;
    }
}
