package dev.virtscope.gui.flame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.virtscope.analysis.kvm.ExitSamples;
import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.stack.StackStore;
import dev.virtscope.stack.flame.FlameBuilder;
import dev.virtscope.stack.flame.FlameFilter;
import dev.virtscope.stack.flame.FlameTree;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.Trace;
import dev.virtscope.view.flame.FlameExport;

/**
 * What the flame graph tab shows: the stack samples of the open trace, the filters (thread, time
 * range, kvm exit reason), an optional baseline profile for a differential graph, and the view
 * state (zoom node, search, icicle). Trees are built on one worker thread, newest request wins;
 * everything else lives on the FX thread.
 */
public final class FlameModel {
    /** A second profile the open one is compared with. */
    public record Baseline(Path path, StackStore stacks) {
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(dev.virtscope.gui.BackgroundThreads.factory("virtscope-flame"));

    private StackStore stacks = StackStore.EMPTY;
    private ExitSamples exitSamples;
    private long rangeFrom = Long.MIN_VALUE, rangeTo = Long.MAX_VALUE;
    private int generation;
    /** set while show() resets the filters, so that their listeners do not each start a build */
    private boolean resetting;

    final ObservableList<ThreadChoice> threads = FXCollections.observableArrayList(ThreadChoice.ALL);
    final ObservableList<ExitChoice> exitReasons = FXCollections.observableArrayList(ExitChoice.ANY);
    final ObjectProperty<ThreadChoice> thread = new SimpleObjectProperty<>(this, "thread", ThreadChoice.ALL);
    final ObjectProperty<ExitChoice> exit = new SimpleObjectProperty<>(this, "exit", ExitChoice.ANY);
    final BooleanProperty rangeOnly = new SimpleBooleanProperty(this, "rangeOnly");
    final BooleanProperty normalize = new SimpleBooleanProperty(this, "normalize", true);
    final IntegerProperty zoom = new SimpleIntegerProperty(this, "zoom");
    final ObjectProperty<Pattern> search = new SimpleObjectProperty<>(this, "search");
    final BooleanProperty icicle = new SimpleBooleanProperty(this, "icicle");
    private final ReadOnlyObjectWrapper<FlameTree> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final ReadOnlyObjectWrapper<Baseline> baseline = new ReadOnlyObjectWrapper<>(this, "baseline");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper timed = new ReadOnlyBooleanWrapper(this, "timed");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private String countName = "samples";

    public FlameModel() {
        thread.addListener((o, a, b) -> rebuildUnlessResetting());
        exit.addListener((o, a, b) -> rebuildUnlessResetting());
        rangeOnly.addListener((o, a, b) -> rebuildUnlessResetting());
        normalize.addListener((o, a, b) -> {
            if (baseline.get() != null) rebuildUnlessResetting();
        });
    }

    /** Shows the stacks of a newly opened trace (null: nothing open); filters and zoom start over. */
    public void show(Trace trace) {
        stacks = trace == null ? StackStore.EMPTY : trace.stacks();
        countName = FlameExport.countName(stacks);
        boolean hasTime = false;
        for (int i = 0; i < stacks.sampleCount() && !hasTime; i++) hasTime = stacks.ts(i) >= 0;
        timed.set(hasTime);
        exitSamples = null;
        generation++;
        problem.set("");
        resetting = true;
        try {
            thread.set(ThreadChoice.ALL);
            exit.set(ExitChoice.ANY);
            rangeOnly.set(false);
            baseline.set(null);
            zoom.set(0);
            tree.set(null);
            threads.setAll(ThreadChoice.of(stacks));
            exitReasons.setAll(ExitChoice.ANY);
        } finally {
            resetting = false;
        }
        EventStore ev = trace == null ? null : trace.events();
        if (hasTime && ev != null && ev.countOfType(ev.typeId("kvm_exit")) > 0) {
            StackStore st = stacks;
            // pairing every exit scans the events: off the FX thread, before any tree of this trace
            run(() -> new ExitSamples(KvmExits.of(ev)), es -> {
                if (st != stacks) return; // another trace was opened meanwhile
                exitSamples = es;
                exitReasons.setAll(ExitChoice.of(es.exits()));
            });
        }
        rebuild();
    }

    /** The timeline's selected range in trace ns (inclusive), or none when from == Selection.NONE. */
    public void setRange(long from, long to, boolean any) {
        rangeFrom = any ? from : Long.MIN_VALUE;
        rangeTo = any ? (to == Long.MAX_VALUE ? to : to + 1) : Long.MAX_VALUE;
        if (rangeOnly.get()) rebuild();
    }

    /** Loads another profile in the background and draws the differential graph against it. */
    public void compareWith(Path file) {
        busy.set(true);
        problem.set("");
        StackStore current = stacks;
        run(() -> {
            try {
                return TraceLoader.standard().load(file).stacks();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, st -> {
            if (current != stacks) return;
            if (st.isEmpty()) {
                problem.set(file.getFileName() + " has no stack samples");
                busy.set(false);
                return;
            }
            baseline.set(new Baseline(file, st));
            rebuild();
        });
    }

    public void clearBaseline() {
        if (baseline.get() == null) return;
        baseline.set(null);
        rebuild();
    }

    private void rebuildUnlessResetting() {
        if (!resetting) rebuild();
    }

    /** Builds the tree for the current filters on the worker; the zoom follows the same frames when they still exist. */
    void rebuild() {
        int gen = ++generation;
        StackStore st = stacks;
        // a choice box whose items were just replaced may hand back null for a moment
        FlameFilter f = (thread.get() == null ? ThreadChoice.ALL : thread.get()).apply(FlameFilter.ALL);
        if (rangeOnly.get()) f = f.withTime(rangeFrom, rangeTo);
        ExitChoice ex = exit.get() == null ? ExitChoice.ANY : exit.get();
        Baseline base = baseline.get();
        boolean norm = normalize.get();
        ExitSamples es = exitSamples;
        FlameFilter filter = f;
        busy.set(true);
        run(() -> {
            BitSet only = ex.reasonId() >= 0 && es != null ? es.inExits(st, ex.reasonId()) : null;
            FlameBuilder b = new FlameBuilder().filter(filter).normalize(norm).only(only);
            return base == null ? b.build(st) : b.buildDiff(st, base.stacks());
        }, t -> {
            if (gen != generation) return;
            List<String> path = zoomPath();
            tree.set(t);
            zoom.set(find(t, path));
            busy.set(false);
        });
    }

    private <T> void run(Supplier<T> work, java.util.function.Consumer<T> done) {
        worker.execute(() -> {
            try {
                T v = work.get();
                Platform.runLater(() -> done.accept(v));
            } catch (RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    problem.set(String.valueOf(e.getMessage()));
                    busy.set(false);
                });
            }
        });
    }

    private List<String> zoomPath() {
        FlameTree t = tree.get();
        List<String> names = new ArrayList<>();
        if (t == null || zoom.get() <= 0 || zoom.get() >= t.size()) return names;
        for (int n : t.path(zoom.get())) names.add(t.name(n));
        return names;
    }

    /** Node reached from the root through children with these names, or 0. */
    private static int find(FlameTree t, List<String> names) {
        int n = 0;
        for (String name : names) {
            int next = -1;
            for (int k = 0; k < t.childCount(n) && next < 0; k++) if (t.name(t.childAt(n, k)).equals(name)) next = t.childAt(n, k);
            if (next < 0) return 0;
            n = next;
        }
        return n;
    }

    public ReadOnlyObjectProperty<FlameTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public FlameTree tree() {
        return tree.get();
    }

    public IntegerProperty zoomProperty() {
        return zoom;
    }

    public ObjectProperty<Pattern> searchProperty() {
        return search;
    }

    public BooleanProperty icicleProperty() {
        return icicle;
    }

    public ObjectProperty<ThreadChoice> threadProperty() {
        return thread;
    }

    public ObjectProperty<ExitChoice> exitProperty() {
        return exit;
    }

    public BooleanProperty rangeOnlyProperty() {
        return rangeOnly;
    }

    public ObservableList<ThreadChoice> threads() {
        return threads;
    }

    public ObservableList<ExitChoice> exitReasons() {
        return exitReasons;
    }

    public ReadOnlyObjectProperty<Baseline> baselineProperty() {
        return baseline.getReadOnlyProperty();
    }

    /** True while a tree or a baseline is being made. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when the samples have timestamps (perf script; folded stacks have none). */
    public ReadOnlyBooleanProperty timedProperty() {
        return timed.getReadOnlyProperty();
    }

    /** The last error (a baseline without stacks, an unreadable file), "" when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public StackStore stacks() {
        return stacks;
    }

    /** "samples", or "period" when perf samples carry periods. */
    public String countName() {
        return countName;
    }
}
