package dev.virtscope.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.store.Trace;

/** Readers the window tests plug into the load path. */
final class TestReaders {
    private TestReaders() {
    }

    /** A reader that reports half progress and then waits until the load is cancelled. */
    static TraceReader blockingUntilCancelled() {
        return (path, monitor) -> {
            monitor.progress(50, 100);
            while (!monitor.cancelled()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    throw new CancellationException("interrupted");
                }
            }
            monitor.checkCancelled();
            throw new IllegalStateException("unreachable");
        };
    }

    /** Delegates to a reader that the test can swap between loads. */
    static final class Switchable implements TraceReader {
        volatile TraceReader delegate;

        Switchable(TraceReader first) {
            delegate = first;
        }

        @Override
        public Trace read(Path path, LoadMonitor monitor) throws IOException {
            return delegate.read(path, monitor);
        }

        @Override
        public Trace read(Path path, dev.virtscope.store.LoadOptions options, LoadMonitor monitor) throws IOException {
            return delegate.read(path, options, monitor);
        }
    }
}
