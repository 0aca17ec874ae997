package cn.tongguan.platform.lifeline;

import cn.tongguan.api.Lifeline;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.events.EventLog;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A seat pushes a case or a camera to the wall: checked to exist, kept as an audit row (who, when, what, note)
 * and sent as {@code wall.push}, in one transaction.
 */
public final class WallPushes {
    private final Database db;
    private final EventLog events;
    private final Clock clock;
    private long nextId;

    public WallPushes(Database db, EventLog events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.nextId = db.read(tx -> Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), 0) FROM wall_pushes")) + 1;
        // Ids continue after those another platform instance on the same database gave (ADR 0101).
        db.onForeignWrites(tx -> {
            nextId = Math.max(nextId, Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), 0) FROM wall_pushes") + 1);
            return null;
        });
    }

    public Lifeline.WallPush push(Principal p, Lifeline.NewWallPush n) {
        return db.write(tx -> {
            String target = n.target().trim();
            if ("CASE".equals(n.kind())) {
                // A case by id or by its 14-digit number; the wall gets the id.
                long id = Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), -1) FROM cases WHERE case_no = ?", target);
                if (id < 0 && target.matches("\\d{1,18}")) {
                    id = Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), -1) FROM cases WHERE id = ?", Long.parseLong(target));
                }
                if (id < 0) {
                    throw ApiException.notFound("case", target);
                }
                target = String.valueOf(id);
            } else if (Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM cameras WHERE id = ?", target) == 0) {
                throw ApiException.notFound("camera", target);
            }
            long now = clock.millis();
            long id = nextId++;
            Sql.update(tx.connection(), "INSERT INTO wall_pushes (id, kind, target, note, pushed_by, at) VALUES (?, ?, ?, ?, ?, ?)",
                    id, n.kind(), target, n.note(), p.username(), now);
            Lifeline.WallPush push = new Lifeline.WallPush(id, n.kind(), target, n.note(), p.username(), Instant.ofEpochMilli(now));
            events.append(tx, "wall.push", push);
            return push;
        });
    }

    /** The audit, newest first. */
    public List<Lifeline.WallPush> list(int limit) {
        return db.read(tx -> {
            List<Lifeline.WallPush> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT id, kind, target, note, pushed_by, at FROM wall_pushes ORDER BY id DESC")) {
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Lifeline.WallPush(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
                    }
                }
            }
            return out;
        });
    }
}
