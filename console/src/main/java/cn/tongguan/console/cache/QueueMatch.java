package cn.tongguan.console.cache;

import cn.tongguan.console.queue.QueueTab;
import cn.tongguan.console.queue.QueueQuery;

import java.util.Objects;

/**
 * The queue's filter as a predicate on one case, in step with {@link QueueSql}: lets the queue put a case that
 * just changed into (or out of) the rows on screen without querying the whole tab again.
 */
public final class QueueMatch {
    private QueueMatch() {
    }

    public static boolean matches(QueueQuery q, CachedCase c, long now) {
        var item = c.item();
        QueueTab tab = q.tab();
        if (!tab.states().isEmpty() && !tab.states().contains(item.state())) {
            return false;
        }
        if (tab == QueueTab.OVERDUE && (item.deadline() == null || item.deadline().toEpochMilli() >= now)) {
            return false;
        }
        if (!eq(q.source(), item.source()) || !eq(q.bigCode(), item.bigCode())
                || !eq(q.districtCode(), item.districtCode()) || !eq(q.streetCode(), item.streetCode())
                || !eq(q.communityCode(), item.communityCode()) || !eq(q.gridCode(), item.gridCode())
                || !eq(q.departmentCode(), item.departmentCode())) {
            return false;
        }
        if (q.light() != null && !q.light().equals(c.lightAt(now))) {
            return false;
        }
        if (q.text() != null) {
            if (q.text().chars().allMatch(Character::isDigit)) {
                return item.caseNo() != null && item.caseNo().startsWith(q.text());
            }
            return contains(item.description(), q.text()) || contains(item.address(), q.text());
        }
        return true;
    }

    private static boolean eq(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || Objects.equals(wanted, actual);
    }

    private static boolean contains(String text, String part) {
        return text != null && text.contains(part);
    }
}
