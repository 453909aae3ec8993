package dev.virtscope.format;

import java.io.IOException;

import dev.virtscope.io.TraceSource;
import dev.virtscope.store.TraceBuilder;

/**
 * One importer per input format. It recognises its format from the first bytes of the
 * (decompressed) file and writes events into the shared store; it never draws anything.
 */
public interface TraceFormat {
    /** Stable short name shown by {@code virtscope info} ({@code ftrace}, {@code trace-cmd-report}, …). */
    String name();

    /** How sure this importer is that {@code head} starts a file of its format: 0 (no) to 100. */
    int probe(byte[] head);

    void load(TraceSource source, TraceBuilder out, LoadMonitor monitor) throws IOException;
}
