package dev.virtscope.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.stage.Window;

import dev.virtscope.filter.EventQuery;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Trace;
import dev.virtscope.view.timeline.TimelineViewport;

/**
 * Saves the window's state as a {@link SavedSession} and brings it back: opens its files (with
 * their clock offsets) through the normal load path, then restores rows, time window, markers and
 * filters once they have loaded.
 * Also the preference "restore last session on start": when on, closing the window saves the
 * state to a file of its own, reopened at the next start. Used on the FX thread.
 */
public final class SessionKeeper {
    /** The window parts a session reads and restores. */
    public record Parts(Window owner, Session session, TraceLoadService loads, RowTreePanel rows, TimelineView timeline,
                        EventsToolbar filters) {
    }

    private static final String RESTORE_KEY = "restoreLastSession";

    private final Parts parts;
    private final Preferences prefs;
    private final BooleanProperty restoreOnStart = new SimpleBooleanProperty(this, "restoreOnStart");
    private final ReadOnlyObjectWrapper<String> lastProblem = new ReadOnlyObjectWrapper<>(this, "lastProblem");
    private Path autosave = defaultAutosave();

    public SessionKeeper(Parts parts, Preferences prefs) {
        this.parts = parts;
        this.prefs = prefs;
        restoreOnStart.set(prefs.getBoolean(RESTORE_KEY, false));
        restoreOnStart.addListener((obs, was, is) -> {
            prefs.putBoolean(RESTORE_KEY, is);
            try {
                prefs.flush();
            } catch (BackingStoreException e) {
                System.err.println("virtscope: cannot save preferences: " + e.getMessage());
            }
        });
    }

    /** Where the last session is kept between runs: $XDG_CONFIG_HOME/virtscope (or ~/.config/virtscope). */
    static Path defaultAutosave() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("virtscope").resolve("last-session.vsession");
    }

    /** The preference "restore last session on start". */
    public BooleanProperty restoreOnStartProperty() {
        return restoreOnStart;
    }

    /** The message of the last session that could not be saved or opened (also shown in a dialog). */
    public ReadOnlyObjectProperty<String> lastProblemProperty() {
        return lastProblem.getReadOnlyProperty();
    }

    void setAutosaveFile(Path p) {
        autosave = p;
    }

    public Path autosaveFile() {
        return autosave;
    }

    /** The window's state now, or null when no trace is open. */
    public SavedSession capture() {
        Session.OpenTrace open = parts.session().open();
        if (open == null) return null;
        TimelineViewport vp = parts.timeline().viewport();
        Markers m = parts.session().markers();
        EventQuery q = parts.filters().query();
        List<SavedSession.FileRef> files = new ArrayList<>();
        for (int f = 0; f < open.files().size(); f++) {
            Session.OpenFile file = open.files().get(f);
            List<String> events = new ArrayList<>();
            for (Path p : file.options().traceEvents()) events.add(p.toAbsolutePath().toString());
            files.add(new SavedSession.FileRef(file.path().toAbsolutePath().toString(), open.merged().files().get(f).offsetNs(),
                    events.isEmpty() ? null : events));
        }
        return new SavedSession(SavedSession.VERSION, files,
                parts.rows().shownKeys(),
                new SavedSession.TimeWindow(vp.start(), vp.end()),
                new SavedSession.MarkerTimes(boxed(m.aProperty().get()), boxed(m.bProperty().get())),
                new SavedSession.Filters(sorted(q.types()), sorted(q.tids()), sorted(q.cpus()), q.text(), q.expression()));
    }

    /** Saves the state to file; false (after telling the user) when that fails or nothing is open. */
    public boolean save(Path file) {
        SavedSession s = capture();
        if (s == null) return problem("Nothing to save: open a trace first.");
        try {
            SessionFiles.write(file, s);
            return true;
        } catch (IOException | RuntimeException e) {
            return problem("Cannot save the session to " + file + ": " + e.getMessage());
        }
    }

    /**
     * Opens a session file: loads its traces (with their offsets and trace-events files), then
     * restores the rest. Returns the load to watch, or null when the file cannot be used (the user
     * is told why).
     */
    public Task<Trace> open(Path file) {
        SavedSession s;
        try {
            s = SessionFiles.read(file);
        } catch (SessionFiles.Problem p) {
            problem(p.getMessage());
            return null;
        }
        List<Session.OpenFile> files = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (SavedSession.FileRef ref : s.files()) {
            Path trace = Path.of(ref.path());
            if (!Files.isRegularFile(trace)) {
                problem(file.getFileName() + " refers to " + trace + ", which no longer exists.");
                return null;
            }
            List<Path> events = new ArrayList<>();
            if (ref.traceEvents() != null) for (String e : ref.traceEvents()) events.add(Path.of(e));
            files.add(new Session.OpenFile(trace, events.isEmpty() ? LoadOptions.DEFAULT : new LoadOptions(events)));
            offsets.add(ref.offsetNs());
        }
        return parts.loads().openAll(files, offsets, () -> restore(s));
    }

    /** Applies a saved state to the trace just opened. */
    void restore(SavedSession s) {
        if (s.visibleRows() != null) parts.rows().setShownKeys(new HashSet<>(s.visibleRows()));
        if (s.zoom() != null && s.zoom().end() > s.zoom().start()) parts.timeline().showRange(s.zoom().start(), s.zoom().end());
        Markers m = parts.session().markers();
        if (s.markers() != null) {
            m.aProperty().set(s.markers().a() == null ? Markers.NONE : s.markers().a());
            m.bProperty().set(s.markers().b() == null ? Markers.NONE : s.markers().b());
        }
        SavedSession.Filters f = s.filters();
        if (f != null) {
            parts.filters().apply(new EventQuery(set(f.types()), set(f.tids()), set(f.cpus()), f.text(), f.expression()));
        }
    }

    /** On closing the window: keeps the state for the next start when the preference is on. */
    public void autosave() {
        if (!restoreOnStart.get() || parts.session().open() == null) return;
        try {
            Files.createDirectories(autosave.getParent());
            SessionFiles.write(autosave, capture());
        } catch (IOException | RuntimeException e) {
            System.err.println("virtscope: cannot keep the session for the next start: " + e.getMessage());
        }
    }

    /** At start: reopens the state kept by {@link #autosave} when the preference is on; null otherwise. */
    public Task<Trace> restoreLastIfWanted() {
        if (!restoreOnStart.get() || !Files.isRegularFile(autosave)) return null;
        return open(autosave);
    }

    private boolean problem(String message) {
        lastProblem.set(message);
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.initOwner(parts.owner());
        a.setTitle("Session");
        a.setHeaderText("Session");
        a.getDialogPane().setId("session-error");
        a.show();
        return false;
    }

    private static Long boxed(long t) {
        return t == Markers.NONE ? null : t;
    }

    private static <T extends Comparable<T>> List<T> sorted(java.util.Set<T> s) {
        if (s == null) return null;
        List<T> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }

    private static <T> java.util.Set<T> set(List<T> l) {
        return l == null ? null : new HashSet<>(l);
    }
}
