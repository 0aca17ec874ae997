package cn.tongguan.api;

import java.time.Instant;
import java.util.List;

/** The platform's append-only audit log (等保 2.0 安全审计), read by the auditor role only. */
public final class Audit {
    private Audit() {
    }

    /**
     * One audited act. {@code actor} is the user name (or the name tried, for a failed sign-in), {@code target}
     * what was acted on (a path, a user name), {@code outcome} {@code ok}, {@code refused} or an HTTP status;
     * {@code hash} chains the entry to the one before it (SHA-256 over the previous hash and this entry).
     */
    public record Entry(long id, Instant at, String actor, String role, String address, String action, String target,
                        String outcome, String detail, String hash) {
    }

    /** A page of entries, newest first; {@code nextCursor} continues with older ones. */
    public record Page(List<Entry> items, String nextCursor) {
    }

    /** The result of walking the hash chain: {@code firstBroken} is the first entry whose hash does not match. */
    public record Verification(boolean intact, long checked, Long firstBroken) {
    }
}
