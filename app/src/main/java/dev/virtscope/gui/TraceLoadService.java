package dev.virtscope.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

import dev.virtscope.format.qemu.TraceEventsMissingException;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Trace;

/**
 * Opens files: the single code path behind File → Open…, Add file to session…, Open Recent, drag
 * and drop, saved sessions and the command line. Loads run on a worker thread; only a successful
 * load replaces the session's trace, so a cancelled or failed load (also a failed add) leaves the
 * open trace as it was. At most one load runs at a time. A binary QEMU simpletrace without its
 * trace-events file beside it makes the service ask for that file ({@link #setTraceEventsAsk}) and
 * load again with it. Used on the FX thread.
 */
public final class TraceLoadService {
    private final Session session;
    private final TraceReader reader;
    private final RecentFiles recent;
    private final Consumer<LoadFailure> onFailure;
    private final ReadOnlyObjectWrapper<Task<Trace>> running = new ReadOnlyObjectWrapper<>(this, "running");
    private final ReadOnlyObjectWrapper<LoadFailure> lastFailure = new ReadOnlyObjectWrapper<>(this, "lastFailure");
    /** Given the trace, returns the trace-events file the user chose, or null when they cancelled. */
    private UnaryOperator<Path> traceEventsAsk = trace -> null;

    public TraceLoadService(Session session, TraceReader reader, RecentFiles recent, Consumer<LoadFailure> onFailure) {
        this.session = session;
        this.reader = reader;
        this.recent = recent;
        this.onFailure = onFailure;
    }

    /** How to ask the user for a binary simpletrace's trace-events file (the window shows a file chooser). */
    public void setTraceEventsAsk(UnaryOperator<Path> ask) {
        traceEventsAsk = ask;
    }

    /** The load in progress, or null. */
    public ReadOnlyObjectProperty<Task<Trace>> runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The most recent failure (kept until the next one), or null. */
    public ReadOnlyObjectProperty<LoadFailure> lastFailureProperty() {
        return lastFailure.getReadOnlyProperty();
    }

    /** Starts loading path as the only file, cancelling any load still running; returns the task to watch. */
    public Task<Trace> open(Path path) {
        return run(TraceLoadTask.Plan.open(new Session.OpenFile(path)));
    }

    /** Loads path next to the open trace's files (or alone when nothing is open), its offset chosen from the clocks. */
    public Task<Trace> add(Path path) {
        Session.OpenTrace base = session.open();
        if (base == null) return open(path);
        return run(new TraceLoadTask.Plan(base, List.of(new Session.OpenFile(path)), java.util.Collections.singletonList(null), null));
    }

    /**
     * Loads a saved session's files with their offsets (null: chosen from the clocks) as a new
     * session; then runs on the FX thread once it is shown (also after a load retried with a
     * trace-events file the user chose).
     */
    public Task<Trace> openAll(List<Session.OpenFile> files, List<Long> offsets, Runnable then) {
        return run(new TraceLoadTask.Plan(null, files, offsets, then));
    }

    private Task<Trace> run(TraceLoadTask.Plan plan) {
        cancel();
        TraceLoadTask task = new TraceLoadTask(plan, reader);
        task.setOnSucceeded(e -> {
            finished(task);
            session.show(task.result());
            for (Session.OpenFile f : plan.files()) recent.add(f.path());
            if (plan.then() != null) plan.then().run();
        });
        task.setOnFailed(e -> {
            finished(task);
            Session.OpenFile file = plan.files().get(task.reading());
            if (task.getException() instanceof TraceEventsMissingException) {
                askForTraceEvents(plan, task.reading());
                return;
            }
            LoadFailure f = LoadFailure.of(file.path(), task.getException());
            // a recent file that has since been deleted leaves the list
            if (task.getException() instanceof java.nio.file.NoSuchFileException) recent.remove(file.path());
            lastFailure.set(f);
            onFailure.accept(f);
        });
        task.setOnCancelled(e -> finished(task));
        running.set(task);
        BackgroundThreads.start(task, "virtscope-load");
        return task;
    }

    /** The trace needs its trace-events file: ask, then load the same files again with it; a cancel changes nothing. */
    private void askForTraceEvents(TraceLoadTask.Plan plan, int k) {
        Session.OpenFile file = plan.files().get(k);
        Path chosen = traceEventsAsk.apply(file.path());
        if (chosen == null) return;
        run(plan.withFile(k, new Session.OpenFile(file.path(), new LoadOptions(List.of(chosen)))));
    }

    public void cancel() {
        Task<Trace> t = running.get();
        if (t != null) t.cancel();
    }

    private void finished(Task<Trace> task) {
        if (running.get() == task) running.set(null);
    }
}
