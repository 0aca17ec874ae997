package cn.tongguan.console.queue;

import cn.tongguan.console.i18n.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times and durations in words, in Asia/Shanghai (design.md: shown and reasoned about in Beijing time). */
public final class TimeText {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private final Messages messages;

    public TimeText(Messages messages) {
        this.messages = messages;
    }

    public String shortTime(Instant t) {
        return t == null ? "" : SHORT.format(t);
    }

    public String fullTime(Instant t) {
        return t == null ? "" : FULL.format(t);
    }

    /** "剩 2小时5分" before the deadline, "超 1天3小时" after it; empty without one. */
    public String remaining(Long deadline, boolean clockRuns, long now) {
        if (deadline == null) {
            return "";
        }
        if (!clockRuns) {
            return messages.text("remaining.stopped");
        }
        long left = deadline - now;
        return left >= 0 ? messages.text("remaining.left", duration(left)) : messages.text("remaining.over", duration(-left));
    }

    public String duration(long millis) {
        long minutes = millis / 60_000;
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return messages.text("duration.days", days, hours);
        }
        if (hours > 0) {
            return messages.text("duration.hours", hours, mins);
        }
        return messages.text("duration.minutes", mins);
    }
}
