package cn.tongguan.console.queue;

/**
 * What the seat asked the queue for. Null fields do not filter. {@code text} matches a case number exactly or
 * the description/address as a substring.
 */
public record QueueQuery(QueueTab tab, String source, String bigCode, String districtCode, String streetCode,
                         String communityCode, String gridCode, String departmentCode, String light, String text,
                         Sort sort, int limit) {
    /** Newest report first, or the closest deadline first. */
    public enum Sort { REPORTED_DESC, DEADLINE_ASC }

    public QueueQuery {
        tab = tab == null ? QueueTab.ALL : tab;
        sort = sort == null ? Sort.REPORTED_DESC : sort;
        limit = limit <= 0 ? 1000 : limit;
        text = text == null || text.isBlank() ? null : text.trim();
    }

    public static QueueQuery of(QueueTab tab) {
        return new QueueQuery(tab, null, null, null, null, null, null, null, null, null, null, 1000);
    }

    public QueueQuery withTab(QueueTab t) {
        return new QueueQuery(t, source, bigCode, districtCode, streetCode, communityCode, gridCode, departmentCode,
                light, text, sort, limit);
    }
}
