package dev.virtscope.gui;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;

import dev.virtscope.filter.EventQuery;
import dev.virtscope.store.EventStore;

/**
 * Runs the Events tab's query on a worker thread so the window stays responsive on traces of
 * millions of events. A new query cancels the one still running; only the latest result is
 * delivered (on the FX thread). Used on the FX thread.
 */
final class FilterRunner {
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private Task<int[]> current;

    /** True while a query runs. */
    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Starts the query; done receives the kept event numbers, or null for "every event".
     * failed receives the reason when the query cannot run (already validated queries do not fail).
     */
    void run(EventStore store, EventQuery query, Consumer<int[]> done, Consumer<Throwable> failed) {
        cancel();
        Task<int[]> task = new Task<>() {
            @Override
            protected int[] call() throws Exception {
                return query.run(store, this::isCancelled);
            }
        };
        task.setOnSucceeded(e -> {
            if (current != task) return;
            current = null;
            running.set(false);
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            if (current != task) return;
            current = null;
            running.set(false);
            failed.accept(task.getException());
        });
        current = task;
        running.set(true);
        BackgroundThreads.start(task, "virtscope-filter");
    }

    void cancel() {
        if (current != null) current.cancel();
        current = null;
        running.set(false);
    }
}
