package cn.tongguan.platform.reports;

import cn.tongguan.api.Reports;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored reports: metadata in the {@code reports} table (V7); the two files under {@code <data>/reports/} when
 * the platform has a data directory, else in the row itself (an in-memory platform has nowhere else). Files are
 * written under temporary names and moved into place inside the row's transaction, so a failure leaves neither.
 */
public final class ReportStore {
    static final String PDF = "pdf";
    static final String XLSX = "xlsx";

    private final Database db;
    private final Path dir;

    /** {@code dir} null: keep the files in the database. */
    public ReportStore(Database db, Path dir) {
        this.db = db;
        this.dir = dir;
    }

    Reports.ReportInfo save(String kind, String period, String title, Instant at, String by, byte[] pdf, byte[] xlsx) {
        Path tmpPdf = null;
        Path tmpXlsx = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
                tmpPdf = Files.write(Files.createTempFile(dir, "report", ".tmp"), pdf);
                tmpXlsx = Files.write(Files.createTempFile(dir, "report", ".tmp"), xlsx);
            }
            Path p = tmpPdf;
            Path x = tmpXlsx;
            return db.write(tx -> {
                // Writes are serialised by Database.write, so the next id cannot be taken twice.
                long id = Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), 0) FROM reports") + 1;
                String fileName = dir == null ? null : String.valueOf(id);
                try (PreparedStatement ps = Sql.prepare(tx.connection(), "INSERT INTO reports (id, kind, period, title, "
                        + "generated_at, generated_by, pdf_bytes, xlsx_bytes, file_name, pdf_data, xlsx_data) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, kind, period, title, at.toEpochMilli(), by,
                        (long) pdf.length, (long) xlsx.length, fileName)) {
                    ps.setBytes(10, dir == null ? pdf : null);
                    ps.setBytes(11, dir == null ? xlsx : null);
                    ps.executeUpdate();
                }
                if (dir != null) {
                    move(p, dir.resolve(fileName + "." + PDF));
                    move(x, dir.resolve(fileName + "." + XLSX));
                }
                return info(id, kind, period, title, at, by, pdf.length, xlsx.length);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(tmpPdf);
            deleteQuietly(tmpXlsx);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a stray temporary file is harmless; the row decides what exists
            }
        }
    }

    private static Reports.ReportInfo info(long id, String kind, String period, String title, Instant at, String by,
                                           long pdfBytes, long xlsxBytes) {
        String base = "/api/v1/reports/" + id;
        return new Reports.ReportInfo(id, kind, period, title, at, by, pdfBytes, xlsxBytes, base + "/pdf", base + "/xlsx");
    }

    /** Newest first, optionally of one kind. */
    List<Reports.ReportInfo> list(String kind, int limit) {
        return db.read(tx -> {
            List<Reports.ReportInfo> out = new ArrayList<>();
            String sql = "SELECT id, kind, period, title, generated_at, generated_by, pdf_bytes, xlsx_bytes FROM reports"
                    + (kind == null ? "" : " WHERE kind = ?") + " ORDER BY generated_at DESC, id DESC LIMIT " + limit;
            try (PreparedStatement ps = kind == null ? Sql.prepare(tx.connection(), sql) : Sql.prepare(tx.connection(), sql, kind);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(info(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getLong(7), rs.getLong(8)));
                }
            }
            return out;
        });
    }

    boolean exists(String kind, String period) {
        return db.read(tx -> Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM reports WHERE kind = ? AND period = ?",
                kind, period) > 0);
    }

    /** One stored file and the title to name it by. */
    record File(String title, String kind, String period, byte[] bytes) {
    }

    File file(long id, String type) {
        File f = db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT title, kind, period, file_name, "
                    + (PDF.equals(type) ? "pdf_data" : "xlsx_data") + " FROM reports WHERE id = ?", id);
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String fileName = rs.getString(4);
                byte[] bytes = fileName == null ? rs.getBytes(5) : read(dir.resolve(fileName + "." + type));
                return new File(rs.getString(1), rs.getString(2), rs.getString(3), bytes);
            }
        });
        if (f == null) {
            throw ApiException.notFound("report", id);
        }
        return f;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("report file missing: " + p, e);
        }
    }
}
