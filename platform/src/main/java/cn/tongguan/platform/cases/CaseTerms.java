package cn.tongguan.platform.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The free-text index of the case list (ADR 0150): every pair of adjacent characters (UTF-16 units) of a case's
 * description and address, one {@code case_terms(term, case_id)} row each. Chinese has no word boundaries, so a word
 * index finds nothing for 井盖 inside 井盖缺失; a pair index finds every case containing any fragment of two or more
 * characters, because each pair of the fragment is then a pair of the text. The LIKE still decides: the pairs only
 * narrow the cases it reads. Rows are written by the same statement batch and transaction as the case itself.
 */
public final class CaseTerms {
    public static final String INSERT = "INSERT INTO case_terms (term, case_id) VALUES (?, ?)";

    private CaseTerms() {
    }

    /** The distinct pairs of the texts (nulls skipped), ascending; a pair is its two UTF-16 units as one int. */
    public static int[] terms(String... texts) {
        int n = 0;
        for (String t : texts) {
            n += t == null ? 0 : Math.max(0, t.length() - 1);
        }
        int[] out = new int[n];
        int k = 0;
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            for (int i = 0; i + 1 < t.length(); i++) {
                out[k++] = (t.charAt(i) << 16) | t.charAt(i + 1);
            }
        }
        Arrays.sort(out);
        int d = 0;
        for (int i = 0; i < out.length; i++) {
            if (d == 0 || out[i] != out[d - 1]) {
                out[d++] = out[i];
            }
        }
        return Arrays.copyOf(out, d);
    }

    /** Adds the case's rows to a batch of {@link #INSERT}. */
    public static void addBatch(PreparedStatement insert, long caseId, String description, String address)
            throws SQLException {
        for (int term : terms(description, address)) {
            insert.setInt(1, term);
            insert.setLong(2, caseId);
            insert.addBatch();
        }
    }

    /** Writes the rows of a new case, on the connection (and so in the transaction) that inserts it. */
    static void index(Connection c, long caseId, String description, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            addBatch(ps, caseId, description, address);
            ps.executeBatch();
        }
        Map<Integer, Long> one = new HashMap<>();
        tally(one, description, address);
        addCounts(c, one);
    }

    /**
     * Brings the rows of a case whose text changed up to date, in the caller's transaction: pairs no longer in the
     * text go, new ones come. Nothing edits a case's text today; this is the rule for whatever will.
     */
    static void reindex(Connection c, long caseId, String[] before, String[] after) throws SQLException {
        int[] old = terms(before);
        int[] now = terms(after);
        Map<Integer, Long> delta = new HashMap<>();
        for (int t : old) {
            if (Arrays.binarySearch(now, t) < 0) {
                delta.put(t, -1L);
            }
        }
        for (int t : now) {
            if (Arrays.binarySearch(old, t) < 0) {
                delta.put(t, 1L);
            }
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM case_terms WHERE term = ? AND case_id = ?");
             PreparedStatement ins = c.prepareStatement(INSERT)) {
            for (Map.Entry<Integer, Long> e : delta.entrySet()) {
                PreparedStatement ps = e.getValue() < 0 ? del : ins;
                ps.setInt(1, e.getKey());
                ps.setLong(2, caseId);
                ps.addBatch();
            }
            del.executeBatch();
            ins.executeBatch();
        }
        addCounts(c, delta);
    }

    /** Adds {@code delta} cases to each pair's count ({@code case_term_counts}), creating the pairs not yet there. */
    public static void addCounts(Connection c, Map<Integer, Long> delta) throws SQLException {
        if (delta.isEmpty()) {
            return;
        }
        // In ascending order of pair: writes are serialised today (Database.write), but should two writers ever
        // overlap on PostgreSQL, they take the rows' locks in one order and cannot deadlock.
        List<Map.Entry<Integer, Long>> entries = new ArrayList<>(new java.util.TreeMap<>(delta).entrySet());
        int[] updated;
        try (PreparedStatement up = c.prepareStatement("UPDATE case_term_counts SET n = n + ? WHERE term = ?")) {
            for (Map.Entry<Integer, Long> e : entries) {
                up.setLong(1, e.getValue());
                up.setInt(2, e.getKey());
                up.addBatch();
            }
            updated = up.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO case_term_counts (term, n) VALUES (?, ?)")) {
            boolean any = false;
            for (int i = 0; i < entries.size(); i++) {
                if (updated[i] == 0) {
                    ins.setInt(1, entries.get(i).getKey());
                    ins.setLong(2, entries.get(i).getValue());
                    ins.addBatch();
                    any = true;
                }
            }
            if (any) {
                ins.executeBatch();
            }
        }
    }

    /** Counts each pair of the texts once into {@code counts} (a bulk load's tally, written by {@link #addCounts}). */
    public static void tally(Map<Integer, Long> counts, String description, String address) {
        for (int t : terms(description, address)) {
            counts.merge(t, 1L, Long::sum);
        }
    }

    /** The pairs' counts as last kept; a pair without a count is taken as held by no case (so: rare). */
    static long[] counts(Connection c, int[] terms) throws SQLException {
        long[] n = new long[terms.length];
        String sql = "SELECT term, n FROM case_term_counts WHERE term IN (" + "?, ".repeat(terms.length - 1) + "?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < terms.length; i++) {
                ps.setInt(i + 1, terms[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n[Arrays.binarySearch(terms, rs.getInt(1))] = rs.getLong(2);
                }
            }
        }
        return n;
    }
}
