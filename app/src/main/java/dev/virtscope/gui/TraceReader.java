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

    /** Every format VirtScope knows, detected by content. */
    static TraceReader standard() {
        return (path, monitor) -> TraceLoader.standard().load(path, LoadOptions.DEFAULT, monitor);
    }
}
