package cn.tongguan.console.detail;

import cn.tongguan.api.Cases;
import cn.tongguan.console.cache.Lights;
import cn.tongguan.console.cache.ReferenceData;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.queue.TimeText;

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
