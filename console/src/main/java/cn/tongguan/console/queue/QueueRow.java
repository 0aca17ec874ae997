package cn.tongguan.console.queue;

/**
 * One line of the queue, already in words: what the table shows. {@code light} is green/yellow/red or null;
 * {@code pending} is the label of an action still waiting in the outbox, or null.
 */
public record QueueRow(long id, String caseNo, String source, String category, String location, String state,
                       String light, String remaining, String department, String reportedAt, String pending,
                       long version) {
}
