package dev.virtscope.format.qemu;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A binary QEMU simpletrace was opened without the trace-events file that names its events: a
 * caller that can ask the user for that file catches this and loads again with it.
 */
public final class TraceEventsMissingException extends IOException {
    private final transient Path trace;

    public TraceEventsMissingException(Path trace, String message) {
        super(message);
        this.trace = trace;
    }

    /** The trace that needs the file. */
    public Path trace() {
        return trace;
    }
}
