package dev.virtscope.gui;

import java.nio.file.Path;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import dev.virtscope.store.Trace;

/**
 * What the window shows: the open trace and the selection every view shares. Views (events
 * table, timeline, latency, flame graph, KVM statistics) read the trace from here and write the
 * selection here, so selecting in one view moves the others. Lives on the FX thread.
 */
public final class Session {
    /** An open trace together with the file it came from and how its times are printed. */
    public record OpenTrace(Path path, Trace trace, TimeText time) {
    }

    private final ReadOnlyObjectWrapper<OpenTrace> open = new ReadOnlyObjectWrapper<>(this, "open");
    private final Selection selection = new Selection();
    private final Markers markers = new Markers();

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

    /** Replaces the open trace (only ever after a successful load) and clears the selection. */
    public void show(Path path, Trace trace) {
        show(path, trace, TimeText.of(trace.events()));
    }

    public void show(Path path, Trace trace, TimeText time) {
        selection.clear();
        markers.clear();
        open.set(new OpenTrace(path, trace, time));
    }
}
