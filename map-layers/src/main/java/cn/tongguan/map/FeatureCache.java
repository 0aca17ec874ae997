package cn.tongguan.map;

import cn.tongguan.map.internal.ColumnarFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compact cached form of a layer's features (decision 0117): one binary columnar file — point coordinates as
 * flat double columns, other geometries as WKB, every id, key and text value in one string table, each distinct
 * property set stored once — that loads 629,724 parts far faster than their GeoJSON (figures in
 * docs/benchmarks.md). The file carries a stamp of its source (e.g. the GeoJSON's size and modification time, or a
 * platform layer's version) and a CRC: a file that does not match its source or is damaged is simply not used.
 * Geometries are kept in 2D. Stateless and thread-safe; call it on a worker, never on the FX thread.
 */
public final class FeatureCache {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);
    private final GeoJsonImporter importer;

    public FeatureCache() {
        this(new GeoJsonImporter());
    }

    public FeatureCache(GeoJsonImporter importer) {
        this.importer = importer;
    }

    /** Writes features (and the import's problems) with a stamp of their source, atomically replacing the file. */
    public void write(Path file, String stamp, ImportResult result) throws IOException {
        byte[] bytes = ColumnarFeatures.encode(stamp, result.features(), result.problems());
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The cached features if the file exists, is intact and carries {@code stamp}; otherwise {@code null} (the
     * caller imports afresh). Never throws for a damaged file: it is logged and ignored.
     */
    public ImportResult read(Path file, String stamp) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            return ColumnarFeatures.decode(bytes, stamp);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            LOG.warn("feature cache {} is damaged and is not used: {}", file, e.getMessage());
            return null;
        }
    }

    /**
     * A GeoJSON file through its cache: the cache when it was made from this very file (same size and
     * modification time), else a streaming import that then refreshes the cache. A cache that cannot be written
     * (read-only disk) costs only the next load's speed.
     */
    public ImportResult load(Path geoJson, Path cache) throws IOException {
        String stamp = stampOf(geoJson);
        ImportResult cached = read(cache, stamp);
        if (cached != null) {
            return cached;
        }
        ImportResult imported;
        try (InputStream in = Files.newInputStream(geoJson)) {
            imported = importer.read(in);
        }
        try {
            write(cache, stamp, imported);
        } catch (IOException e) {
            LOG.warn("feature cache {} could not be written", cache, e);
        }
        return imported;
    }

    /** Like {@link #load(Path, Path)} for a source that is not a file: the caller's stamp says its version. */
    public ImportResult load(Reader geoJson, String stamp, Path cache) throws IOException {
        ImportResult cached = read(cache, stamp);
        if (cached != null) {
            return cached;
        }
        ImportResult imported = importer.read(geoJson);
        try {
            write(cache, stamp, imported);
        } catch (IOException e) {
            LOG.warn("feature cache {} could not be written", cache, e);
        }
        return imported;
    }

    /** Size, modification time and format version of a source file: what makes a cache of it current. */
    public static String stampOf(Path source) throws IOException {
        return "geojson:" + Files.size(source) + ":" + Files.getLastModifiedTime(source).toMillis() + ":v"
                + ColumnarFeatures.VERSION;
    }
}
