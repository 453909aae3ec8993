package dev.virtscope.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import dev.virtscope.session.MergedTrace;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Trace;

/**
 * What the window shows: the open trace and the selection every view shares. Views (events
 * table, timeline, latency, flame graph, KVM statistics) read the trace from here and write the
 * selection here, so selecting in one view moves the others. Lives on the FX thread.
 *
 * <p>Several files (File → Add file to session…) are shown as one trace: {@link OpenTrace#trace()}
 * is then a {@link MergedTrace} of all of them, so views need not know how many files there are.
 */
public final class Session {
    /** A file of the session and how it was loaded (the trace-events file of a binary simpletrace). */
    public record OpenFile(Path path, LoadOptions options) {
        public OpenFile(Path path) {
            this(path, LoadOptions.DEFAULT);
        }
    }

    /**
     * An open trace together with the files it came from and how its times are printed.
     *
     * @param path   the first file (the one whose clock the session uses)
     * @param merged every file's offset and the file of each event; one file: the trace itself
     * @param files  the files, in {@link MergedTrace#files()} order
     */
    public record OpenTrace(Path path, Trace trace, TimeText time, MergedTrace merged, List<OpenFile> files) {
        public OpenTrace {
            files = List.copyOf(files);
        }

        OpenTrace(Path path, Trace trace, TimeText time) {
            this(path, trace, time, MergedTrace.single(trace), List.of(new OpenFile(path)));
        }

        public List<Path> paths() {
            List<Path> out = new ArrayList<>();
            for (OpenFile f : files) out.add(f.path());
            return out;
        }

        /** "a.txt", or "a.txt + b.log" for several files. */
        public String names() {
            List<String> n = new ArrayList<>();
            for (OpenFile f : files) n.add(String.valueOf(f.path().getFileName()));
            return String.join(" + ", n);
        }
    }

    private final ReadOnlyObjectWrapper<OpenTrace> open = new ReadOnlyObjectWrapper<>(this, "open");
    private final Selection selection = new Selection();
    private final Markers markers = new Markers();
    /** What the views do for a newly shown trace beyond clearing the old one, a step per pulse. */
    private final PulseSteps steps = new PulseSteps();

    public ReadOnlyObjectProperty<OpenTrace> openProperty() {
        return open.getReadOnlyProperty();
    }

    /** The open trace, or null before the first successful load. */
    public OpenTrace open() {
        return open.get();
    }

    public Selection selection() {
        return selection;
    }

    /** Timeline markers A/B and the pointer's time. */
    public Markers markers() {
        return markers;
    }

    /**
     * The views' queue for filling themselves once a trace is shown: each fills on a pulse of its
     * own, so the window never spends one long pulse on all of them.
     */
    public PulseSteps steps() {
        return steps;
    }

    /** Replaces the open trace (only ever after a successful load) and clears the selection. */
    public void show(Path path, Trace trace) {
        show(path, trace, TimeText.of(trace.events()));
    }

    public void show(Path path, Trace trace, TimeText time) {
        show(new OpenTrace(path, trace, time));
    }

    /** Replaces the open trace with a session of one or more files; event numbers change, so the selection is cleared. */
    public void show(OpenTrace t) {
        selection.clear();
        markers.clear();
        open.set(t);
    }
}
