package cn.tongguan.console.sync;

import cn.tongguan.api.Evaluation;
import cn.tongguan.api.Ledger;
import cn.tongguan.api.Reports;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * What the monthly joint meeting (月联席会议) reads and writes on the platform: the evaluation of a period, the cases
 * behind a figure, the ledger of difficult cases and its discussions. Straight REST (the meeting looks at the
 * platform's figures of the moment, not at a seat's cache); blocking, so call it off the UI thread.
 */
public final class MeetingApi {
    private final PlatformClient client;

    public MeetingApi(PlatformClient client) {
        this.client = client;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code period}: month:2026-10, week:2026-W43, day:2026-10-09, quarter:2026-Q3. */
    public Evaluation.Summary summary(String period) throws IOException {
        return client.json().readValue(client.get("/api/v1/evaluation/summary?period=" + enc(period)),
                Evaluation.Summary.class);
    }

    /** {@code subject}: department, district, street, community, inspector, operator, shift_leader, dispatcher. */
    public Evaluation.Report evaluation(String subject, String period) throws IOException {
        return client.json().readValue(client.get("/api/v1/evaluation?subject=" + enc(subject) + "&period="
                + enc(period)), Evaluation.Report.class);
    }

    /** The cases behind a figure: {@code subject} as type:key (null = the whole city), numerator or denominator. */
    public Evaluation.TracePage cases(String indicator, String subject, String part, String period, int limit)
            throws IOException {
        String q = "/api/v1/evaluation/cases?indicator=" + enc(indicator) + "&part=" + enc(part) + "&period="
                + enc(period) + "&limit=" + limit + (subject == null ? "" : "&subject=" + enc(subject));
        return client.json().readValue(client.get(q), Evaluation.TracePage.class);
    }

    /** Open entries first by age (oldest first), as the meeting goes through them. */
    public List<Ledger.Entry> ledger(String state) throws IOException {
        return client.json().readValue(client.get("/api/v1/ledger?sort=age" + (state == null ? "" : "&state="
                + enc(state))), new TypeReference<List<Ledger.Entry>>() { });
    }

    public Ledger.Figures ledgerFigures() throws IOException {
        return client.json().readValue(client.get("/api/v1/ledger/figures"), Ledger.Figures.class);
    }

    /** Category code → name, for the lines of cases behind a figure. */
    public java.util.Map<String, String> categoryNames() throws IOException {
        List<cn.tongguan.api.Reference.Category> all = client.json().readValue(client.referenceJson("categories"),
                new TypeReference<List<cn.tongguan.api.Reference.Category>>() { });
        java.util.Map<String, String> names = new java.util.HashMap<>();
        all.forEach(c -> names.put(c.code(), c.name()));
        return names;
    }

    /** Stored reports, newest first. */
    public List<Reports.ReportInfo> reports() throws IOException {
        return client.json().readValue(client.get("/api/v1/reports?limit=50"),
                new TypeReference<List<Reports.ReportInfo>>() { });
    }

    /** Generates a report now ({@code kind} daily, weekly, monthly; {@code period} 2026-10-31, 2026-W44, 2026-10). */
    public Reports.ReportInfo generate(String kind, String period) throws IOException {
        return client.json().readValue(client.post("/api/v1/reports", new Reports.GenerateRequest(kind, period), null),
                Reports.ReportInfo.class);
    }

    /** Saves a report's PDF or XLSX ({@code format} pdf or xlsx) to {@code target}. */
    public void download(long id, String format, java.nio.file.Path target) throws IOException {
        client.download("/api/v1/reports/" + id + "/" + format, target);
    }

    public Ledger.Entry discuss(long caseId, Ledger.NewDiscussion discussion) throws IOException {
        return client.json().readValue(client.post("/api/v1/ledger/" + caseId + "/discussions", discussion,
                UUID.randomUUID().toString()), Ledger.Entry.class);
    }
}
