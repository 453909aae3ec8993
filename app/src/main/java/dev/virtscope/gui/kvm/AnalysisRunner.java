package dev.virtscope.gui.kvm;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;

/**
 * Runs a view's analysis on one background thread so the FX thread never waits for it; the latest
 * request wins: starting one cancels the previous, whose result (if it still arrives) is dropped.
 * {@link #run} and the callbacks are on the FX thread.
 */
public final class AnalysisRunner {
    private final ExecutorService thread;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Task<?> current;

    public AnalysisRunner(String name) {
        thread = Executors.newSingleThreadExecutor(dev.virtscope.gui.BackgroundThreads.factory(name));
    }

    /** True from a request until its result (or failure) has been delivered. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        if (current != null) current.cancel(false);
        Task<T> t = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        current = t;
        busy.set(true);
        t.setOnSucceeded(e -> {
            if (current != t) return;
            current = null;
            busy.set(false);
            done.accept(t.getValue());
        });
        t.setOnFailed(e -> {
            if (current != t) return;
            current = null;
            busy.set(false);
            failed.accept(t.getException());
        });
        thread.execute(t);
    }
}
