package cn.tongguan.platform.cases;

import cn.tongguan.api.Cases;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Case photos on disk under {@code <data>/photos/<caseId>/<photoId>}, metadata in the database. A file is written
 * to a temporary name first and moved into place only after its row is committed, so a failed upload leaves
 * neither a row nor a file.
 */
public final class PhotoStore {
    public static final Set<String> TYPES = ImageCheck.TYPES;
    private final Database db;
    private final Path dir;
    private final Clock clock;
    private final long maxBytes;
    private long nextId;

    public PhotoStore(Database db, Path dir, Clock clock, long maxBytes) {
        this.db = db;
        this.dir = dir;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.nextId = db.read(tx -> Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), 0) FROM case_photos")) + 1;
        // Ids continue after those another platform instance on the same database gave (ADR 0101).
        db.onForeignWrites(tx -> {
            nextId = Math.max(nextId, Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), 0) FROM case_photos") + 1);
            return null;
        });
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores a photo of a case the caller may see, under the type its bytes show whatever the upload declared
     * (the declared type is not even read): a PNG sent as {@code image/jpeg} is served as {@code image/png}, and
     * bytes that do not decode as a whole JPEG or PNG are refused ({@link ImageCheck}).
     */
    public Cases.Photo add(Principal p, long caseId, String stage, InputStream content) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "upload", ".tmp");
            try {
                long size;
                try (InputStream in = content; var os = Files.newOutputStream(tmp)) {
                    size = copyLimited(in, os);
                }
                if (size == 0) {
                    throw new ApiException(400, "bad_image", Map.of("allowed", TYPES));
                }
                String contentType = ImageCheck.typeOf(tmp);
                long now = clock.millis();
                Cases.Photo photo = db.write(tx -> {
                    CaseRecord r = CaseStore.load(tx.connection(), caseId);
                    if (r == null || !CaseQueries.visible(p, r)) {
                        // another department's case is answered as if it did not exist (as its detail is)
                        throw ApiException.notFound("case", caseId);
                    }
                    long id = nextId++;
                    Sql.update(tx.connection(), "INSERT INTO case_photos (id, case_id, stage, content_type, size_bytes, "
                            + "file_name, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, caseId, stage,
                            contentType, size, caseId + "/" + id, now, p.username());
                    Path target = dir.resolve(caseId + "/" + id);
                    try {
                        Files.createDirectories(target.getParent());
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return new Cases.Photo(id, caseId, stage, contentType, size, Instant.ofEpochMilli(now), p.username(),
                            "/api/v1/photos/" + id);
                });
                return photo;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long copyLimited(InputStream in, java.io.OutputStream out) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new ApiException(413, "payload_too_large", Map.of("maxBytes", maxBytes));
            }
            out.write(buf, 0, n);
        }
        return total;
    }

    public List<Cases.Photo> list(Database.Tx tx, long caseId) throws SQLException {
        List<Cases.Photo> out = new ArrayList<>();
        try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT id, stage, content_type, size_bytes, uploaded_at, "
                + "uploaded_by FROM case_photos WHERE case_id = ? ORDER BY id", caseId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Cases.Photo(rs.getLong(1), caseId, rs.getString(2), rs.getString(3), rs.getLong(4),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), "/api/v1/photos/" + rs.getLong(1)));
            }
        }
        return out;
    }

    /** The file and content type of a photo of a case the caller may see, or 404. */
    public Map.Entry<Path, String> file(Principal p, long id) {
        return db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT file_name, content_type, case_id FROM case_photos WHERE id = ?", id);
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("photo", id);
                }
                CaseRecord r = CaseStore.load(tx.connection(), rs.getLong(3));
                if (r == null || !CaseQueries.visible(p, r)) {
                    throw ApiException.notFound("photo", id);
                }
                return Map.entry(dir.resolve(rs.getString(1)), rs.getString(2));
            }
        });
    }
}
