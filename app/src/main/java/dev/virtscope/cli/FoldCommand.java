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

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
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
