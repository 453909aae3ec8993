package dev.virtscope.gui;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

import dev.virtscope.store.Trace;

/**
 * Opens files: the single code path behind File → Open…, Open Recent, drag and drop and the command
 * line. Loads run on a worker thread; only a successful load replaces the session's trace, so a
 * cancelled or failed load leaves the open trace as it was. At most one load runs at a time.
 * Used on the FX thread.
 */
public final class TraceLoadService {
    private final Session session;
    private final TraceReader reader;
    private final RecentFiles recent;
    private final Consumer<LoadFailure> onFailure;
    private final ReadOnlyObjectWrapper<Task<Trace>> running = new ReadOnlyObjectWrapper<>(this, "running");
    private final ReadOnlyObjectWrapper<LoadFailure> lastFailure = new ReadOnlyObjectWrapper<>(this, "lastFailure");

    public TraceLoadService(Session session, TraceReader reader, RecentFiles recent, Consumer<LoadFailure> onFailure) {
        this.session = session;
        this.reader = reader;
        this.recent = recent;
        this.onFailure = onFailure;
    }

    /** The load in progress, or null. */
    public ReadOnlyObjectProperty<Task<Trace>> runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The most recent failure (kept until the next one), or null. */
    public ReadOnlyObjectProperty<LoadFailure> lastFailureProperty() {
        return lastFailure.getReadOnlyProperty();
    }

    /** Starts loading path, cancelling any load still running; returns the task to watch. */
    public Task<Trace> open(Path path) {
        cancel();
        TraceLoadTask task = new TraceLoadTask(path, reader);
        task.setOnSucceeded(e -> {
            finished(task);
            session.show(path, task.getValue(), task.timeText());
            recent.add(path);
        });
        task.setOnFailed(e -> {
            finished(task);
            LoadFailure f = LoadFailure.of(path, task.getException());
            // a recent file that has since been deleted leaves the list
            if (task.getException() instanceof java.nio.file.NoSuchFileException) recent.remove(path);
            lastFailure.set(f);
            onFailure.accept(f);
        });
        task.setOnCancelled(e -> finished(task));
        running.set(task);
        Thread worker = new Thread(task, "virtscope-load");
        worker.setDaemon(true);
        worker.start();
        return task;
    }

    public void cancel() {
        Task<Trace> t = running.get();
        if (t != null) t.cancel();
    }

    private void finished(Task<Trace> task) {
        if (running.get() == task) running.set(null);
    }
}
