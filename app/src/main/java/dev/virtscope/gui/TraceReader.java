package dev.virtscope.gui;

import java.io.IOException;
import java.nio.file.Path;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Trace;

/** Turns a file into a trace; the window uses {@link #standard()}, tests may pass their own. */
@FunctionalInterface
public interface TraceReader {
    Trace read(Path path, LoadMonitor monitor) throws IOException;

    /**
     * With what the user said about the file (a binary simpletrace's trace-events file). Readers
     * that take no options (test readers) ignore them.
     */
    default Trace read(Path path, LoadOptions options, LoadMonitor monitor) throws IOException {
        return read(path, monitor);
    }

    /** Every format VirtScope knows, detected by content. */
    static TraceReader standard() {
        return new TraceReader() {
            @Override
            public Trace read(Path path, LoadMonitor monitor) throws IOException {
                return read(path, LoadOptions.DEFAULT, monitor);
            }

            @Override
            public Trace read(Path path, LoadOptions options, LoadMonitor monitor) throws IOException {
                return TraceLoader.standard().load(path, options, monitor);
            }
        };
    }
}
