package dev.virtscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.virtscope.format.TraceLoader;
import dev.virtscope.stack.StackStore;
import dev.virtscope.stack.flame.FlameBuilder;
import dev.virtscope.stack.flame.FlameFilter;
import dev.virtscope.stack.flame.FlameTree;
import dev.virtscope.view.flame.FlameExport;
import dev.virtscope.view.flame.FlameStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code virtscope flamegraph FILE}: an interactive SVG or a PNG flame graph of perf script or folded input. */
@Command(name = "flamegraph", mixinStandardHelpOptions = true,
        description = "Draw a flame graph of a perf script dump or folded stacks as SVG (interactive: hover, "
                + "click to zoom, search) or PNG, chosen by the --out extension.")
public final class FlameGraphCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "perf script output or folded stacks (.gz/.xz/.zst accepted)")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "output .svg or .png (default: fg.svg)")
    Path out = Path.of("fg.svg");

    @Option(names = "--title", description = "title (default: Flame Graph)")
    String title = "Flame Graph";

    @Option(names = "--width", paramLabel = "PX", description = "width in pixels (default: 1200)")
    double width = 1200;

    @Option(names = "--icicle", description = "draw top-down (root at the top)")
    boolean icicle;

    @Option(names = "--minwidth", paramLabel = "PX", description = "omit frames narrower than this (default: 0.1)")
    double minWidth = 0.1;

    @Option(names = "--search", paramLabel = "REGEX", description = "highlight frames matching REGEX and print the matched share")
    String search;

    @Option(names = "--diff", paramLabel = "BEFORE", description = "differential graph: widths from FILE, red/blue by change since BEFORE")
    Path diff;

    @Option(names = "--normalize", description = "with --diff: scale BEFORE to the same total as FILE")
    boolean normalize;

    @Option(names = "--merge-recursion", description = "merge directly recursive frames (a;a;a;b becomes a;b)")
    boolean mergeRecursion;

    @Option(names = "--comm", paramLabel = "REGEX", description = "only samples whose process name matches")
    String comm;

    @Option(names = "--tid", description = "only samples of this thread")
    int tid = -1;

    @Option(names = "--event", description = "only samples of this event (cycles, cpu-clock, ...)")
    String event;

    @Option(names = "--from", paramLabel = "SECONDS", description = "only samples at or after this time")
    Double from;

    @Option(names = "--to", paramLabel = "SECONDS", description = "only samples before this time")
    Double to;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) {
            err.println("virtscope flamegraph: --out must end in .svg or .png: " + out);
            return ExitCodes.USAGE;
        }
        Pattern re = null;
        try {
            if (search != null) re = Pattern.compile(search);
            if (comm != null) Pattern.compile(comm);
        } catch (PatternSyntaxException e) {
            err.println("virtscope flamegraph: bad regular expression: " + e.getDescription());
            return ExitCodes.USAGE;
        }
        try {
            StackStore st = stacks(file);
            FlameFilter f = FlameFilter.ALL.withComm(comm).withTid(tid).withEvent(event)
                    .withTime(from == null ? Long.MIN_VALUE : (long) (from * 1e9), to == null ? Long.MAX_VALUE : (long) (to * 1e9));
            FlameBuilder b = new FlameBuilder().filter(f).mergeRecursion(mergeRecursion).normalize(normalize);
            FlameTree t = diff == null ? b.build(st) : b.buildDiff(st, stacks(diff));
            FlameStyle style = FlameStyle.DEFAULT.withTitle(title).withWidth(width).withIcicle(icicle).withMinWidth(minWidth).withSearch(re)
                    .withCountName(FlameExport.countName(st));
            FlameExport.write(out, t, style);
            if (re != null) {
                spec.commandLine().getOut().printf(java.util.Locale.ROOT, "matched: %.2f%%%n",
                        new dev.virtscope.stack.flame.FlameSearch(t, re, 0).percent());
                spec.commandLine().getOut().flush();
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("virtscope flamegraph: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private static StackStore stacks(Path p) throws IOException {
        StackStore st = TraceLoader.standard().load(p).stacks();
        if (st.isEmpty()) throw new IOException(p + ": no stack samples (need perf script with callchains, or folded stacks)");
        return st;
    }
}
