package cn.tongguan.console.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A console killed (SIGKILL, no shutdown hook) while it stores a new parts layer: the cache it leaves must hold
 * the old layer and the old ETag, never a part of the new one under any tag (ADR 0120, 0131). The download runs
 * in a separate JVM on a real H2 file, and is killed after it has written blocks of the new layer.
 */
class GeoStoreKilledTest {
    @TempDir
    Path dir;

    @Test
    void aKilledDownloadLeavesTheOldLayerAndTag() throws Exception {
        try (CacheDatabase db = CacheDatabase.open(dir)) {
            new GeoStore(db).replaceParts("\"old\"", sink -> parts(3).forEach(sink));
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Downloading.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path written = dir.resolve(Downloading.WRITTEN);
        // Waits for the child's mark (it may take a while on a loaded machine), or for the child to die.
        while (!Files.exists(written) && child.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(written).as("the child wrote blocks of the new layer: " + dir.resolve("child.log")).exists();
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (CacheDatabase db = CacheDatabase.open(dir)) {
            GeoStore store = new GeoStore(db);
            assertThat(store.etag(GeoStore.PARTS)).contains("\"old\"");
            List<String> codes = new ArrayList<>();
            store.parts(p -> codes.add(p.code()));
            assertThat(codes).containsExactly("P0", "P1", "P2");
        }
    }

    static List<GeoPart> parts(int n) {
        List<GeoPart> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new GeoPart("P" + i, "01002", "井盖", 113.9 + i * 1e-5, 35.3, null, null, null, null, 0));
        }
        return out;
    }

    /** The child: stores an endless new layer, says when three blocks are written, and waits to be killed. */
    public static final class Downloading {
        static final String WRITTEN = "blocks-written";

        public static void main(String[] args) {
            Path dir = Path.of(args[0]);
            try (CacheDatabase db = CacheDatabase.open(dir)) {
                new GeoStore(db).replaceParts("\"new\"", sink -> {
                    for (int i = 0; ; i++) {
                        sink.accept(new GeoPart("N" + i, "01002", "井盖", 113.9, 35.3, null, null, null, null, 0));
                        if (i == 3 * PartBlocks.SIZE + 1) {
                            mark(dir.resolve(WRITTEN));
                            sleepForever();
                        }
                    }
                });
            }
        }

        private static void mark(Path file) {
            try {
                Files.writeString(file, "3 blocks");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static void sleepForever() {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
