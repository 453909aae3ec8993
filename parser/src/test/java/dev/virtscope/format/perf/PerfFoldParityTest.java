package dev.virtscope.format.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.virtscope.Samples;

/**
 * Folding is byte-identical to FlameGraph's stackcollapse-perf.pl: every expected file here is the
 * script's own output stored beside the samples (FlameGraph's test/results, made by its test.sh
 * with {@code --pid}, {@code --tid}, {@code --kernel}, {@code --all}; the generated folded files
 * with the options their PROVENANCE.md names).
 */
class PerfFoldParityTest {

    @ParameterizedTest(name = "{0} --{1}")
    @CsvSource({
        "perf-cycles-instructions-01, all", "perf-cycles-instructions-01, kernel", "perf-cycles-instructions-01, pid", "perf-cycles-instructions-01, tid",
        "perf-iperf-stacks-pidtid-01, all", "perf-iperf-stacks-pidtid-01, kernel", "perf-iperf-stacks-pidtid-01, pid", "perf-iperf-stacks-pidtid-01, tid",
        "perf-java-stacks-01, all", "perf-java-stacks-01, kernel", "perf-java-stacks-01, pid", "perf-java-stacks-01, tid",
        "perf-rust-Yamakaky-dcpu, all", "perf-rust-Yamakaky-dcpu, kernel", "perf-rust-Yamakaky-dcpu, pid", "perf-rust-Yamakaky-dcpu, tid",
    })
    void flameGraphTestResults(String name, String option) throws IOException {
        Path in = Samples.path("public/flamegraph/test/" + name + ".txt");
        Path expected = Samples.path("public/flamegraph/test/results/" + name + "-collapsed-" + option + ".txt");
        assertFolds(in, options(option), expected);
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
        "generated/perf/perf-script-cpuclock-callchain.txt.xz, generated/folded/folded-cpuclock.txt, ''",
        "generated/perf/perf-script-cpuclock-callchain-F-pid-period.txt.xz, generated/folded/folded-cpuclock-pid-kernel.txt, pid kernel",
        "generated/perf/perf-script-kvm-tp-callchain.txt.xz, generated/folded/folded-kvm-tracepoints.txt, ''",
        "public/flamegraph/test/perf-vertx-stacks-01.txt, public/speedscope/stackcollapse/perf-vertx-stacks-01-collapsed-all.txt, all",
    })
    void storedScriptOutputs(String input, String expected, String opts) throws IOException {
        CollapseOptions o = CollapseOptions.DEFAULT;
        for (String w : opts.trim().split(" ")) if (!w.isEmpty()) o = with(o, w);
        assertFolds(Samples.path(input), o, Samples.path(expected));
    }

    /** The parallel path (file cut at blank lines, pieces folded on threads) prints the same bytes. */
    @ParameterizedTest(name = "{0} --{1} in pieces")
    @CsvSource({"perf-vertx-stacks-01, all", "perf-cycles-instructions-01, kernel", "perf-java-stacks-01, tid"})
    void piecesOnThreadsGiveTheSameOutput(String name, String option) throws IOException {
        Path in = Samples.path("public/flamegraph/test/" + name + ".txt");
        Path expected = name.equals("perf-vertx-stacks-01") ? Samples.path("public/speedscope/stackcollapse/perf-vertx-stacks-01-collapsed-all.txt")
                : Samples.path("public/flamegraph/test/results/" + name + "-collapsed-" + option + ".txt");
        for (int threads : new int[] {2, 3, 7}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PerfFold.collapse(in, options(option), 1, threads).stacks().write(out);
            assertEquals(Files.readString(expected, StandardCharsets.ISO_8859_1), out.toString(StandardCharsets.ISO_8859_1), name + " threads " + threads);
        }
    }

    static CollapseOptions options(String option) {
        return with(CollapseOptions.DEFAULT, option);
    }

    static CollapseOptions with(CollapseOptions o, String w) {
        return switch (w) {
            case "all" -> o.withAll();
            case "kernel" -> new CollapseOptions(o.pid(), o.tid(), true, o.jit(), o.inline(), o.eventFilter());
            case "pid" -> new CollapseOptions(true, o.tid(), o.kernel(), o.jit(), o.inline(), o.eventFilter());
            case "tid" -> new CollapseOptions(o.pid(), true, o.kernel(), o.jit(), o.inline(), o.eventFilter());
            default -> throw new IllegalArgumentException(w);
        };
    }

    static void assertFolds(Path in, CollapseOptions o, Path expected) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PerfFold.fold(in, o, out);
        String want = Files.readString(expected, StandardCharsets.ISO_8859_1);
        String got = out.toString(StandardCharsets.ISO_8859_1);
        assertEquals(want, got, in + " vs " + expected);
    }
}
