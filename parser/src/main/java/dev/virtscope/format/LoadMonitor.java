package dev.virtscope.format;

import java.util.concurrent.CancellationException;

/** Progress and cancellation for a load running off the UI thread. */
public interface LoadMonitor {
    LoadMonitor NONE = new LoadMonitor() {
    };

    /** bytes of the file consumed so far (compressed bytes for compressed files) of total. */
    default void progress(long done, long total) {
    }

    default boolean cancelled() {
        return false;
    }

    /** Loaders call this every few thousand lines. */
    default void checkCancelled() {
        if (cancelled()) throw new CancellationException("load cancelled");
    }
}
