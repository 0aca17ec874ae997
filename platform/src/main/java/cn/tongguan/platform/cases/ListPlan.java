package cn.tongguan.platform.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one list request reads the case table, chosen from the data (ADR 0151). H2 picks an equality filter's index
 * whenever there is one, and then sorts every case with that value: 300,000 for a common district, seconds. Reading
 * the sort column's index in order and stopping at the page is far cheaper when the value is common, and far dearer
 * when it is rare. So each equality filter's cases are counted first (an index range read, at most {@link #COMMON}
 * entries): a rare value keeps its index; a common one is hidden from H2's index choice, so the sort index is read,
 * unless a composite index {@code (filter, sort column, id)} serves both, which then leads the ORDER BY. Free text
 * is narrowed by the pair index ({@link CaseTerms}) when one of its pairs is rare enough.
 *
 * @param hidden   equality columns written so that H2 does not read their index
 * @param leading  constant columns put first in ORDER BY, so that a composite index is read in page order
 * @param index    on H2, the composite index the leading columns name ({@code USE INDEX}): given two indexes that
 *                 both start with the department, H2 read the wrong one for a descending order and sorted 160,000 cases
 * @param textSql  the free-text condition, or "" for none
 */
record ListPlan(Set<String> hidden, List<String> leading, String index, String textSql, List<Object> textArgs) {
    /** Above this many cases, reading the sort index until the page is full beats sorting the value's cases. */
    static final long COMMON = 8_000;
    /** Composite indexes {@code (column, sort column, id)} of the migrations (V1, V3, V141, V152), by sort column. */
    private static final Map<String, Map<String, String>> COMPOSITE = Map.of(
            "reported_at", Map.of("state", "cases_state", "source", "cases_source", "big_code", "cases_big_code",
                    "small_code", "cases_small_code", "district_code", "cases_district", "street_code", "cases_street",
                    "community_code", "cases_community", "grid_code", "cases_grid",
                    "department_code", "cases_department_reported"),
            "deadline_at", Map.of("state", "cases_state_deadline", "district_code", "cases_district_deadline"),
            "updated_at", Map.of());

    /** For the snapshot, which reads everything in id order: the filters as written, the LIKE alone. */
    static ListPlan plain(CaseQuery q) {
        return new ListPlan(Set.of(), List.of(), null, likeSql(q), likeArgs(q));
    }

    static ListPlan choose(Connection c, CaseQuery q, String sortCol) throws SQLException {
        TextPlan text = TextPlan.choose(c, q.text(), likeSql(q), likeArgs(q));
        String textSql = text.sql();
        List<Object> textArgs = text.args();
        boolean byCandidates = text.byCandidates();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : equalities(q).entrySet()) {
            counts.put(e.getKey(), countUpTo(c, e.getKey(), e.getValue(), COMMON));
        }
        if (byCandidates) {
            // The cases of the text's rarest pair, read by id and sorted: no filter index can beat that (TextPlan).
            return new ListPlan(counts.keySet(), List.of(), null, textSql, textArgs);
        }
        String rarest = counts.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        Map<String, String> composite = COMPOSITE.get(sortCol);
        String lead = null;
        if (rarest != null && (counts.get(rarest) >= COMMON || composite.containsKey(rarest))) {
            lead = counts.entrySet().stream().filter(e -> composite.containsKey(e.getKey()))
                    .min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
        List<String> leading = lead == null ? List.of() : leadColumns(q, lead, sortCol);
        Set<String> hidden = new java.util.TreeSet<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() >= COMMON && !leading.contains(e.getKey())) {
                hidden.add(e.getKey());
            }
        }
        String index = lead == null ? null : leading.size() > 1 ? "cases_department" : composite.get(lead);
        return new ListPlan(hidden, leading, index, textSql, textArgs);
    }

    /** The department's old index (department_code, state, reported_at) serves a department in one state. */
    private static List<String> leadColumns(CaseQuery q, String lead, String sortCol) {
        boolean oneState = q.states() != null && q.states().size() == 1;
        if ("department_code".equals(lead) && oneState && "reported_at".equals(sortCol)) {
            return List.of("department_code", "state");
        }
        return List.of(lead);
    }

    /** The equality filters that have an index, column → value (one state counts as one; several do not). */
    static Map<String, String> equalities(CaseQuery q) {
        Map<String, String> m = new LinkedHashMap<>();
        if (q.states() != null && q.states().size() == 1) {
            m.put("state", q.states().get(0));
        }
        put(m, "source", q.source());
        put(m, "big_code", q.bigCode());
        put(m, "small_code", q.smallCode());
        put(m, "district_code", q.districtCode());
        put(m, "street_code", q.streetCode());
        put(m, "community_code", q.communityCode());
        put(m, "grid_code", q.gridCode());
        put(m, "department_code", q.departmentCode());
        return m;
    }

    private static void put(Map<String, String> m, String col, String v) {
        if (v != null) {
            m.put(col, v);
        }
    }

    private static long countUpTo(Connection c, String col, String value, long cap) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM cases WHERE " + col
                + " = ? FETCH FIRST " + cap + " ROWS ONLY) t")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String likeSql(CaseQuery q) {
        return q.text() == null ? "" : " AND (description LIKE ? OR address LIKE ? OR case_no = ?)";
    }

    private static List<Object> likeArgs(CaseQuery q) {
        if (q.text() == null) {
            return List.of();
        }
        String like = "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return List.of(like, like, q.text());
    }
}
