package dev.virtscope.gui;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop application. Started by {@code virtscope FILE...} through {@link #launch(List)} when a
 * display is available; files named on the command line open at start.
 */
public final class VirtScopeApp extends Application {
    private static volatile List<Path> initialFiles = List.of();

    /** Shows the window and blocks until it is closed. */
    public static void launch(List<Path> files) {
        initialFiles = List.copyOf(files);
        Application.launch(VirtScopeApp.class);
    }

    /** Whether a window can be shown here (an X11 or Wayland display is set). */
    public static boolean displayAvailable() {
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(stage, TraceReader.standard(), new RecentFiles(RecentFiles.defaultNode()));
        stage.show();
        List<Path> files = initialFiles;
        if (!files.isEmpty()) {
            // one trace at a time: open the first, offer the others through Open Recent
            for (int i = files.size() - 1; i >= 1; i--) window.recentFiles().add(files.get(i));
            window.open(files.get(0));
        } else {
            window.sessions().restoreLastIfWanted();
        }
    }
}
