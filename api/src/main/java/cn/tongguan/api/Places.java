package cn.tongguan.api;

import java.util.Map;

/**
 * The one rule for naming a place by its divisions (the reports' hot spots and ledger, the meeting's hot spots):
 * the names from the largest division down, a missing level left out rather than shown as a dash, a code without
 * a name shown as the code, "—" when no level is known.
 */
public final class Places {
    /** Between the levels where a screen has room to spare ("红旗区 · 西街街道 · 东街社区"). */
    public static final String DOT = " · ";

    private Places() {
    }

    /** {@code codes} from the largest division down (district, street, community); nulls are missing levels. */
    public static String name(Map<String, String> divisionNames, String separator, String... codes) {
        StringBuilder out = new StringBuilder();
        for (String code : codes) {
            if (code == null || code.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(separator);
            }
            out.append(divisionNames.getOrDefault(code, code));
        }
        return out.isEmpty() ? "—" : out.toString();
    }
}
