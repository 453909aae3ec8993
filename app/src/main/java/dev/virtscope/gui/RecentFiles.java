package dev.virtscope.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The files opened last, newest first, at most {@link #MAX}, kept in user preferences so that
 * File → Open Recent survives restarts.
 */
public final class RecentFiles {
    public static final int MAX = 10;
    private static final String KEY = "file.";

    private final Preferences node;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(Preferences node) {
        this.node = node;
        for (int i = 0; i < MAX; i++) {
            String p = node.get(KEY + i, null);
            if (p == null) break;
            files.add(Path.of(p));
        }
    }

    /** The node used by the application (tests pass their own). */
    public static Preferences defaultNode() {
        return Preferences.userRoot().node("dev/virtscope/recent-files");
    }

    /** The preferences node the list lives in (other window preferences live under it). */
    public Preferences preferences() {
        return node;
    }

    public ObservableList<Path> files() {
        return readOnly;
    }

    /** Moves path to the front, dropping the oldest beyond {@link #MAX}. */
    public void add(Path path) {
        Path p = path.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(p);
        next.add(0, p);
        while (next.size() > MAX) next.remove(next.size() - 1);
        files.setAll(next);
        save();
    }

    /** Forgets a file (one that no longer exists). */
    public void remove(Path path) {
        if (files.remove(path.toAbsolutePath().normalize())) save();
    }

    public void clear() {
        files.clear();
        save();
    }

    private void save() {
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) node.put(KEY + i, files.get(i).toString());
            else node.remove(KEY + i);
        }
        // writing the preferences file (with its lock and sync) took hundreds of ms on a busy disk:
        // never on the FX thread; the values above are already visible to every reader
        FLUSHER.execute(() -> {
            try {
                node.flush();
            } catch (BackingStoreException e) {
                // the list still works for this session; it just will not survive a restart
                System.err.println("virtscope: cannot save recent files: " + e.getMessage());
            } catch (IllegalStateException e) {
                // the node was removed meanwhile (a test's own node): nothing left to keep
            }
        });
    }

    private static final java.util.concurrent.Executor FLUSHER = java.util.concurrent.Executors.newSingleThreadExecutor(BackgroundThreads.factory("virtscope-preferences"));
}
