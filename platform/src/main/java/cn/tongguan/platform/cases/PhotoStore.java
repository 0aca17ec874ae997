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
    public static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp");
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
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores a photo under the type its bytes show, whatever the upload declared: a PNG sent as
     * {@code image/jpeg} is served as {@code image/png}, and bytes that are no JPEG, PNG or WebP are refused.
     */
    public Cases.Photo add(Principal p, long caseId, String stage, String declaredType, InputStream content) {
        if (declaredType == null || !TYPES.contains(declaredType)) {
            throw new ApiException(415, "unsupported_media_type", Map.of("allowed", TYPES), String.valueOf(declaredType));
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "upload", ".tmp");
            try {
                long size;
                try (InputStream in = content; var os = Files.newOutputStream(tmp)) {
                    size = copyLimited(in, os);
                }
                String contentType = sniff(tmp);
                if (contentType == null) {
                    throw new ApiException(415, "unsupported_media_type", Map.of("allowed", TYPES), declaredType);
                }
                long now = clock.millis();
                Cases.Photo photo = db.write(tx -> {
                    if (Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM cases WHERE id = ?", caseId) == 0) {
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

    /** The image type from the file's first bytes (magic numbers), or {@code null} if it is none we keep. */
    static String sniff(Path file) throws IOException {
        byte[] h;
        try (InputStream in = Files.newInputStream(file)) {
            h = in.readNBytes(12);
        }
        if (h.length >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (h.length >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G'
                && h[4] == '\r' && h[5] == '\n' && h[6] == 0x1A && h[7] == '\n') {
            return "image/png";
        }
        if (h.length >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F'
                && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return "image/webp";
        }
        return null;
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

    /** The file and content type of a photo, or 404. */
    public Map.Entry<Path, String> file(long id) {
        return db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT file_name, content_type FROM case_photos WHERE id = ?", id);
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("photo", id);
                }
                return Map.entry(dir.resolve(rs.getString(1)), rs.getString(2));
            }
        });
    }
}
