package cn.tongguan.console.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window states in the data folder: written and read back, and a damaged file reads as a first run. */
class WindowStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenStateIsReadBack() throws IOException {
        WindowState state = new WindowState(new Area(2000, 100, 1200, 800), false, new Area(1920, 0, 1920, 1080));
        new WindowStateStore(dir).write("main", state);
        assertThat(new WindowStateStore(dir).read("main")).contains(state);
    }

    @Test
    void eachWindowKeepsItsOwnState() throws IOException {
        WindowStateStore store = new WindowStateStore(dir);
        WindowState main = new WindowState(new Area(10, 20, 800, 600), true, new Area(0, 0, 1920, 1080));
        store.write("main", main);
        store.write("other", new WindowState(new Area(1, 2, 3, 4), false, new Area(0, 0, 1920, 1080)));
        assertThat(store.read("main")).contains(main);
    }

    @Test
    void noFileIsAFirstRun() {
        assertThat(new WindowStateStore(dir).read("main")).isEmpty();
    }

    @Test
    void aDamagedFileIsAFirstRun() throws IOException {
        Files.writeString(dir.resolve(WindowStateStore.FILE), "main.x=left\nmain.y=1\n");
        assertThat(new WindowStateStore(dir).read("main")).isEmpty();
    }

    @Test
    void anIncompleteStateIsAFirstRun() throws IOException {
        Files.writeString(dir.resolve(WindowStateStore.FILE), "main.x=1\nmain.y=1\nmain.width=800\nmain.height=600\n");
        assertThat(new WindowStateStore(dir).read("main")).isEmpty();
    }
}
