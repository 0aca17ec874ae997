package cn.tongguan.map.harness;

import javafx.application.Application;

/**
 * Starts the map harness. A separate class because a main class extending Application fails on the classpath
 * with "JavaFX runtime components are missing". Arguments: {@code --view=city|district|street}, {@code --tour=SECONDS}
 * (cycle through the three views), {@code --parts=N}, {@code --select=CODE} (highlight a feature).
 */
public final class MapHarnessLauncher {
    private MapHarnessLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(MapHarness.class, args);
    }
}
