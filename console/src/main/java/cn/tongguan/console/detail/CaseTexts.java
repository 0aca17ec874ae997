package cn.tongguan.console.detail;

import cn.tongguan.api.Cases;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.Lights;
import cn.tongguan.console.cache.ReferenceData;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.queue.TimeText;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentences of the detail pane for one case, with names from the reference data: kept apart from
 * {@link CaseDetailViewModel} so that the view model stays about what is shown when, not how it reads.
 */
record CaseTexts(String title, String facts, String deadline, String reporter) {
    static CaseTexts of(Cases.Case item, ReferenceData ref, Labels labels, TimeText time, long now) {
        Messages messages = labels.messages();
        StringBuilder where = new StringBuilder(item.address() == null ? "" : item.address());
        String district = ref.divisionName(item.districtCode());
        if (!district.isEmpty()) {
            where.append(" · ").append(district);
        }
        if (item.gridCode() != null) {
            where.append(" · ").append(messages.text("detail.grid", item.gridCode()));
        }
        String department = ref.departmentName(item.departmentCode());
        String facts = messages.text("detail.facts", labels.source(item.source()), ref.categoryName(item.bigCode()),
                ref.categoryName(item.smallCode()), where.toString(), department.isEmpty() ? "—" : department,
                time.fullTime(item.reportedAt()));
        Long due = item.deadline() == null ? null : item.deadline().toEpochMilli();
        String deadline = due == null ? messages.text("detail.deadline.none") : messages.text("detail.deadline",
                time.fullTime(item.deadline()), time.remaining(due, Lights.CLOCK_RUNS.contains(item.state()), now));
        String reporter = item.reporterName() == null && item.reporterPhone() == null
                ? messages.text("detail.reporter.none")
                : messages.text("detail.reporter", item.reporterName() == null ? "" : item.reporterName(),
                mask(item.reporterPhone()));
        return new CaseTexts(messages.text("detail.title", item.caseNo(), ref.categoryName(item.smallCode())), facts,
                deadline, reporter);
    }

    /** One possible duplicate of {@code shown}, as the detail lists it (number, distance, time, state). */
    static String duplicate(Cases.Case shown, Cases.Case other, Labels labels, TimeText time) {
        Messages messages = labels.messages();
        return messages.text("detail.duplicate", other.caseNo(), Math.round(CaseCache.metres(shown, other)),
                time.fullTime(other.reportedAt()), labels.state(other.state()));
    }

    /** The case's history, one line per step. */
    static List<String> timeline(Cases.CaseDetail detail, Labels labels, TimeText time) {
        Messages messages = labels.messages();
        List<String> steps = new ArrayList<>();
        for (Cases.TimelineEntry e : detail.timeline()) {
            steps.add(messages.text("detail.timeline.entry", time.fullTime(e.at()), labels.action(e.action()),
                    labels.state(e.toState()), e.actor(), labels.role(e.role()), e.note() == null ? "" : e.note()));
        }
        return steps;
    }

    static List<String> photos(Cases.CaseDetail detail, Messages messages, TimeText time) {
        return detail.photos().stream()
                .map(p -> messages.text("detail.photo", p.stage(), time.fullTime(p.uploadedAt()))).toList();
    }

    /** Why the platform refused the seat's {@code action}: a conflict, a state it cannot take, or its own words. */
    static String refused(String action, Cases.Case now, String code, String platformMessage, Labels labels) {
        Messages messages = labels.messages();
        if (now != null && "version_conflict".equals(code)) {
            return messages.text("detail.banner.conflict", now.caseNo(), labels.action(action), labels.state(now.state()),
                    now.version());
        }
        if (now != null) {
            return messages.text("detail.banner.refused.state", now.caseNo(), labels.action(action),
                    labels.state(now.state()), platformMessage);
        }
        return messages.text("detail.banner.refused", labels.action(action), platformMessage);
    }

    /** 13812345678 → 138****5678: a seat needs to call back, not to read the whole number aloud. */
    static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        if (phone.contains("*")) {
            return phone;
        }
        return phone.length() < 7 ? "*".repeat(phone.length())
                : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
