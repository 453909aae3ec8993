package dev.virtscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.format.UnrecognisedFormatException;
import dev.virtscope.session.OffsetOption;
import dev.virtscope.session.Session;
import dev.virtscope.session.SessionLoader;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Trace;

/** Loading a trace (or several, as one session) for a subcommand, with the error messages and exit codes of docs/cli.md. */
final class TraceFiles {
    /** Thrown to end a subcommand with an exit code after its message was printed. */
    static final class Failed extends Exception {
        final int code;

        Failed(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    private TraceFiles() {
    }

    static EventStore load(Path file, PrintWriter err) throws Failed {
        return trace(file, LoadOptions.DEFAULT, err).events();
    }

    /** Every file loaded with the user's options, then one session with the user's offsets. */
    static Session session(List<Path> files, SessionOptions o, PrintWriter err) throws Failed {
        List<OffsetOption> offsets;
        try {
            offsets = o.offsetOptions();
        } catch (IllegalArgumentException e) {
            err.println("virtscope: " + e.getMessage());
            throw new Failed(ExitCodes.USAGE);
        }
        List<Trace> traces = new ArrayList<>();
        for (Path f : files) traces.add(trace(f, o.loadOptions(), err));
        try {
            return SessionLoader.fromTraces(traces, offsets);
        } catch (IllegalArgumentException e) {
            err.println("virtscope: " + e.getMessage());
            throw new Failed(ExitCodes.USAGE);
        }
    }

    static Trace trace(Path file, LoadOptions options, PrintWriter err) throws Failed {
        if (!Files.isReadable(file)) {
            err.println("virtscope: " + file + ": cannot read the file");
            throw new Failed(ExitCodes.BAD_INPUT);
        }
        try {
            return TraceLoader.standard().load(file, options, LoadMonitor.NONE);
        } catch (UnrecognisedFormatException e) {
            err.println("virtscope: " + file + ": not a trace format VirtScope reads (" + e.getMessage() + ")");
            throw new Failed(ExitCodes.BAD_INPUT);
        } catch (IOException e) {
            err.println("virtscope: " + InfoCommand.describe(file, e));
            throw new Failed(ExitCodes.BAD_INPUT);
        }
    }
}
