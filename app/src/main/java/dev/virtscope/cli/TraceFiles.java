package dev.virtscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.virtscope.format.TraceLoader;
import dev.virtscope.format.UnrecognisedFormatException;
import dev.virtscope.store.EventStore;

/** Loading a trace for a subcommand, with the error message and exit code of docs/cli.md. */
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
        if (!Files.isReadable(file)) {
            err.println("virtscope: " + file + ": cannot read the file");
            throw new Failed(ExitCodes.BAD_INPUT);
        }
        try {
            return TraceLoader.standard().load(file).events();
        } catch (UnrecognisedFormatException e) {
            err.println("virtscope: " + file + ": not a trace format VirtScope reads (" + e.getMessage() + ")");
            throw new Failed(ExitCodes.BAD_INPUT);
        } catch (IOException e) {
            err.println("virtscope: " + file + ": " + e.getMessage());
            throw new Failed(ExitCodes.BAD_INPUT);
        }
    }
}
