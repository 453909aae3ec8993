package dev.virtscope.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop application. Started by {@code virtscope FILE...} through {@link #launch(List)} when a
 * display is available; files named on the command line open at start. One process per user: a later
 * launch hands its files to the running one ({@link SingleInstance}), which opens them in a window
 * ({@link Windows}), so two JVMs never fight over the preferences.
 */
public final class VirtScopeApp extends Application {
    private static volatile List<Path> initialFiles = List.of();
    /** Files from later launches, held until the first window exists. */
    private static final FileHandOver HAND_OVER = new FileHandOver();

    /**
     * Hands the files to the VirtScope window already running for this user and returns false at once; or,
     * when none runs, shows the window, blocks until the last window is closed and returns true.
     */
    public static boolean launch(List<Path> files) {
        SingleInstance instance = null;
        try {
            Optional<SingleInstance> running = SingleInstance.startOrForward(SingleInstance.defaultStateFile(), files, HAND_OVER);
            if (running.isEmpty()) return false;
            instance = running.get();
        } catch (IOException e) {
            // no place for the state file (read-only home): run as a lone window rather than not at all
            System.err.println("virtscope: later launches cannot reach this window (" + e.getMessage() + ")");
        }
        initialFiles = List.copyOf(files);
        try {
            Application.launch(VirtScopeApp.class);
        } finally {
            if (instance != null) instance.close();
        }
        return true;
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
        RecentFiles recent = new RecentFiles(RecentFiles.defaultNode());
        Windows windows = new Windows(s -> new MainWindow(s, TraceReader.standard(), recent));
        MainWindow first = windows.show(stage);
        if (!initialFiles.isEmpty()) windows.open(initialFiles);
        else first.sessions().restoreLastIfWanted();
        HAND_OVER.ready(Platform::runLater, windows::open);
    }
}
