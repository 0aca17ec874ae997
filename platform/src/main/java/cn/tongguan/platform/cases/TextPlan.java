package cn.tongguan.platform.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How the list reads free text (ADR 0150): through the cases of the text's rarest character pair, or along the sort
 * index until the page is full. Each way is fast only in its own case. The pairs' cases cost ~13 µs each to read and
 * test on H2; the sort index costs ~8 µs a case until a page of matches is found. A long text made only of common
 * pairs ({@code 人民路南一支路210号}: its rarest pair is in 21,000 cases, the whole text in 9) read all 910,000 cases
 * along the sort index (the 10 s backstop); a short common one ({@code 支路}, 690,000 cases) fills a page at once. So
 * when even the rarest pair is common, a sample of its first cases tells how many match the whole text.
 *
 * @param sql          the free-text condition
 * @param byCandidates the condition reads the cases of one pair by id (the filters' indexes are then of no use)
 */
record TextPlan(String sql, List<Object> args, boolean byCandidates) {
    /** Up to this many cases of the rarest pair, they are intersected with the next rarest pairs' cases. */
    static final long TEXT_CANDIDATES = 20_000;
    /** Pairs beyond the rarest that the candidates must also hold (each an index probe per candidate). */
    private static final int MORE_PAIRS = 3;
    /** The cases of the rarest pair tested against the whole text to estimate how many match it. */
    static final int SAMPLE = 2_000;
    /**
     * From this many estimated matches, a page (50) is found within ~12,000 cases of the sort index, ~100 ms: reading
     * the rarest pair's cases (tens of thousands) would cost more.
     */
    static final long WALK = 4_000;

    static TextPlan choose(Connection c, String text, String likeSql, List<Object> likeArgs) throws SQLException {
        if (text == null || text.length() < 2) {
            return new TextPlan(likeSql, likeArgs, false);
        }
        int[] terms = CaseTerms.terms(text);
        long[] n = CaseTerms.counts(c, terms);
        Integer[] order = new Integer[terms.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> n[i]));
        int rarest = terms[order[0]];
        int more = n[order[0]] <= TEXT_CANDIDATES ? Math.min(order.length - 1, MORE_PAIRS) : 0;
        if (more == 0 && n[order[0]] > TEXT_CANDIDATES && matchesInSample(c, rarest, likeArgs) * n[order[0]] >= WALK * SAMPLE) {
            return new TextPlan(likeSql, likeArgs, false);
        }
        // The rarest pair's cases (kept if they also hold the next rarest ones when few): the LIKE then decides.
        StringBuilder sql = new StringBuilder(" AND id IN (SELECT t0.case_id FROM case_terms t0 WHERE t0.term = ?");
        List<Object> args = new ArrayList<>();
        args.add(rarest);
        for (int k = 1; k <= more; k++) {
            sql.append(" AND EXISTS (SELECT 1 FROM case_terms t").append(k).append(" WHERE t").append(k)
                    .append(".term = ? AND t").append(k).append(".case_id = t0.case_id)");
            args.add(terms[order[k]]);
        }
        if (caseNoExists(c, text)) {
            sql.append(" UNION SELECT id FROM cases WHERE case_no = ?)").append(likeSql);
            args.add(text);
            args.addAll(likeArgs);
        } else {
            // No case has this number: without the UNION, H2 reads the pair's cases in ~a tenth of the time (265 ms
            // against 2.8 s for 21,000 candidates), as it no longer builds and re-tests the union's distinct set.
            sql.append(") AND (description LIKE ? OR address LIKE ?)");
            args.add(likeArgs.get(0));
            args.add(likeArgs.get(1));
        }
        return new TextPlan(sql.toString(), args, true);
    }

    private static boolean caseNoExists(Connection c, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM cases WHERE case_no = ?")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** How many of the first {@link #SAMPLE} cases holding the pair hold the whole text (~20 ms). */
    private static long matchesInSample(Connection c, int term, List<Object> likeArgs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM cases WHERE id IN (SELECT case_id FROM "
                + "case_terms WHERE term = ? FETCH FIRST " + SAMPLE + " ROWS ONLY) AND (description LIKE ? OR address LIKE ?)")) {
            ps.setInt(1, term);
            ps.setObject(2, likeArgs.get(0));
            ps.setObject(3, likeArgs.get(1));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
