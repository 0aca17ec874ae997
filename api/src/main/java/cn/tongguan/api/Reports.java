package cn.tongguan.api;

import java.time.Instant;
import java.util.Set;

/**
 * Generated reports (日统计 / 周通报 / 月考核, issue 9): the request that makes one and the stored report's
 * metadata. Periods are written in the report's own calendar (Asia/Shanghai): daily {@code 2026-10-31}, weekly
 * ISO week {@code 2026-W44}, monthly {@code 2026-10}.
 */
public final class Reports {
    public static final Set<String> KINDS = Set.of("daily", "weekly", "monthly");

    private Reports() {
    }

    public record GenerateRequest(String kind, String period) {
        public GenerateRequest {
            Invalid.oneOf("kind", Invalid.required("kind", kind), KINDS);
            Invalid.maxLength("period", Invalid.required("period", period), 16);
        }
    }

    public record ReportInfo(long id, String kind, String period, String title, Instant generatedAt, String generatedBy,
                             long pdfBytes, long xlsxBytes, String pdfUrl, String xlsxUrl) {
    }
}
