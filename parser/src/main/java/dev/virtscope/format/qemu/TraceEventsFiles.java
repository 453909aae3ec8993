package dev.virtscope.format.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.virtscope.store.LoadOptions;

/** Where the trace-events definitions for a QEMU trace come from: the user's options, else a file beside the trace. */
public final class TraceEventsFiles {
    /** Names looked for in the trace's folder when the user gave none. */
    public static final List<String> BESIDE = List.of("trace-events-all", "trace-events-all.xz", "trace-events-all.gz");

    private TraceEventsFiles() {
    }

    /** The files to read: those in the options, else the first of {@link #BESIDE} next to the trace; empty if none. */
    public static List<Path> locate(Path trace, LoadOptions options) {
        if (options != null && !options.traceEvents().isEmpty()) return options.traceEvents();
        Path dir = trace.toAbsolutePath().getParent();
        if (dir != null) {
            for (String n : BESIDE) {
                Path p = dir.resolve(n);
                if (Files.isRegularFile(p)) return List.of(p);
            }
        }
        return List.of();
    }

    /** The catalog for a trace, or an empty one when no file is known. */
    public static TraceEventCatalog catalogFor(Path trace, LoadOptions options) throws IOException {
        return TraceEventCatalog.read(locate(trace, options));
    }

    /** The catalog, or an error ({@link TraceEventsMissingException}) that says which file is needed and where QEMU installs it. */
    public static TraceEventCatalog required(Path trace, LoadOptions options) throws IOException {
        List<Path> files = locate(trace, options);
        if (files.isEmpty()) {
            throw new TraceEventsMissingException(trace, trace + ": a binary QEMU simpletrace can only be decoded with the trace-events-all file"
                    + " of the QEMU build that wrote it. Give it with --trace-events FILE, or put it next to the trace as"
                    + " trace-events-all. Debian and Ubuntu install it as /usr/share/qemu/trace-events-all; a QEMU built"
                    + " from source has it in the build directory (trace/trace-events-all).");
        }
        return TraceEventCatalog.read(files);
    }
}
