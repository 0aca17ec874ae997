package cn.tongguan.console.queue;

/**
 * One line of the queue, already in words: what the table shows. {@code light} is green/yellow/red or null;
 * {@code pending} is the label of an action still waiting in the outbox, or null.
 */
public record QueueRow(long id, String caseNo, String source, String category, String location, String state,
                       String light, String remaining, String department, String reportedAt, String pending,
                       long version, long reportedAtMillis, Long deadlineMillis) {
    /** The queue's order for {@code sort} (and "all": newest id first), as the cache sorts it. */
    public static java.util.Comparator<QueueRow> order(cn.tongguan.console.queue.QueueQuery query) {
        if (query.tab() == cn.tongguan.console.queue.QueueTab.ALL) {
            return java.util.Comparator.comparingLong(QueueRow::id).reversed();
        }
        if (query.sort() == cn.tongguan.console.queue.QueueQuery.Sort.DEADLINE_ASC) {
            return java.util.Comparator.comparing(QueueRow::deadlineMillis,
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                    .thenComparingLong(QueueRow::id);
        }
        return java.util.Comparator.comparingLong(QueueRow::reportedAtMillis).reversed()
                .thenComparing(java.util.Comparator.comparingLong(QueueRow::id).reversed());
    }

    /**
     * The rows after some cases changed: the changed ones taken out, those that still match the query put back in
     * order (the rest of the page stays as it was until the next full refresh), at most {@code limit}.
     */
    static java.util.List<QueueRow> patched(java.util.List<QueueRow> current, cn.tongguan.console.queue.QueueQuery q,
                                            java.util.Set<Long> ids, java.util.List<cn.tongguan.console.cache.CachedCase> changed,
                                            java.util.function.Function<cn.tongguan.console.cache.CachedCase, QueueRow> toRow,
                                            long now, int limit) {
        java.util.List<QueueRow> next = new java.util.ArrayList<>(current.size() + changed.size());
        for (QueueRow r : current) {
            if (!ids.contains(r.id())) {
                next.add(r);
            }
        }
        for (cn.tongguan.console.cache.CachedCase c : changed) {
            if (cn.tongguan.console.cache.QueueMatch.matches(q, c, now)) {
                next.add(toRow.apply(c));
            }
        }
        next.sort(order(q));
        return java.util.List.copyOf(next.size() > limit ? next.subList(0, limit) : next);
    }
}
