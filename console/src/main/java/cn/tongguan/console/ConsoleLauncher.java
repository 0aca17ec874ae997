package cn.tongguan.console;

import cn.tongguan.console.app.ConsoleApp;
import javafx.application.Application;

/**
 * Entry point. It must not extend {@link Application}: with JavaFX on the class path (not the module
 * path) the launcher refuses such a main class with "JavaFX runtime components are missing".
 */
public final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
