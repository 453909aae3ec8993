package dev.virtscope.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.virtscope.format.perf.CollapseOptions;
import dev.virtscope.format.perf.PerfFold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code virtscope fold FILE}: perf script → folded stacks, byte-identical to stackcollapse-perf.pl. */
@Command(name = "fold", mixinStandardHelpOptions = true,
        description = "Fold a perf script dump into one line per stack (\"a;b;c COUNT\"), byte-identical to "
                + "FlameGraph's stackcollapse-perf.pl with the same options. FILE may be .gz/.xz/.zst.")
public final class FoldCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "perf script output")
    Path file;

    @Option(names = "--pid", description = "process name becomes comm-PID")
    boolean pid;

    @Option(names = "--tid", description = "process name becomes comm-PID/TID")
    boolean tid;

    @Option(names = "--kernel", description = "annotate kernel frames with _[k]")
    boolean kernel;

    @Option(names = "--jit", description = "annotate JIT frames (/tmp/perf-PID.map) with _[j]")
    boolean jit;

    @Option(names = "--all", description = "all annotations (--kernel --jit)")
    boolean all;

    @Option(names = "--inline", description = "expand inlined calls of user binaries with addr2line (slow)")
    boolean inline;

    @Option(names = "--event-filter", paramLabel = "EVENT", description = "keep only this event (default: the first event in the file)")
    String eventFilter;

    /**
     * fold sits in shell pipelines, so it skips picocli's start-up cost (about 0.2 s of reflection)
     * when the arguments are plain: {@code fold [flags] FILE}. Anything else (help, version, unknown
     * or malformed options) returns null and goes through picocli as usual.
     */
    static Integer fast(String[] args) {
        FoldCommand c = new FoldCommand();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--pid" -> c.pid = true;
                case "--tid" -> c.tid = true;
                case "--kernel" -> c.kernel = true;
                case "--jit" -> c.jit = true;
                case "--all" -> c.all = true;
                case "--inline" -> c.inline = true;
                case "--event-filter" -> {
                    if (++i >= args.length) return null;
                    c.eventFilter = args[i];
                }
                default -> {
                    if (a.startsWith("--event-filter=")) c.eventFilter = a.substring("--event-filter=".length());
                    else if (a.startsWith("-") || c.file != null) return null;
                    else c.file = Path.of(a);
                }
            }
        }
        if (c.file == null) return null;
        return c.run(new PrintWriter(System.err, true));
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getErr());
    }

    private int run(PrintWriter err) {
        CollapseOptions o = new CollapseOptions(pid, tid, kernel || all, jit || all, inline, eventFilter);
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        try {
            PerfFold.Result r = PerfFold.fold(file, o, out);
            if (r.filteredEvent() != null) err.println("Filtering for events of type: " + r.filteredEvent());
            if (r.unrecognisedLines() > 0) err.println("virtscope fold: " + file + ": " + r.unrecognisedLines() + " lines were neither a sample header nor a frame (ignored, like stackcollapse-perf.pl)");
            err.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("virtscope fold: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }
}
