package dev.virtscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.session.Session;
import dev.virtscope.store.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtscope info FILE... [--json]}: what a trace holds, without opening the window; several
 * files are read as one session (per-file lines, clock alignment, combined counts, vCPU rows).
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the format, event counts per type, CPUs, time span, tasks (vCPU threads with their VM), "
                + "lost-event markers and load warnings of a trace file; of several files, one session summary.")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "trace file(s) (.gz/.xz/.zst compressed files are read directly)")
    List<Path> files;

    @Mixin
    SessionOptions session = new SessionOptions();

    @Option(names = "--json", description = "print JSON (fields described in docs/cli.md)")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (files.size() > 1 || !session.offsets.isEmpty()) return sessionInfo(out, err);
        Path file = files.get(0);
        Trace trace;
        try {
            trace = TraceLoader.standard().load(file, session.loadOptions(), LoadMonitor.NONE);
        } catch (IOException e) {
            err.println("virtscope info: " + describe(file, e));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        TraceSummary s = TraceSummary.of(trace);
        if (json) {
            out.println(s.toJson());
            out.flush();
        } else {
            s.print(out);
        }
        return ExitCodes.OK;
    }

    private int sessionInfo(PrintWriter out, PrintWriter err) throws Exception {
        Session s;
        try {
            s = TraceFiles.session(files, session, err);
        } catch (TraceFiles.Failed f) {
            err.flush();
            return f.code;
        }
        SessionSummary sum = SessionSummary.of(s);
        if (json) {
            out.println(sum.toJson());
            out.flush();
        } else {
            sum.print(out);
        }
        return ExitCodes.OK;
    }

    static Trace load(Path file) throws IOException {
        return TraceLoader.standard().load(file);
    }

    /** The reason, naming the file (loader messages usually do already). */
    static String describe(Path file, IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.contains(file.toString()) ? m : file + ": " + m;
    }
}
