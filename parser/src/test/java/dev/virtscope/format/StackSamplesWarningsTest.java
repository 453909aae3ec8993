package dev.virtscope.format;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.Trace;

/**
 * Every perf script dump and folded-stacks file anywhere under samples/ loads with no warning, or with
 * exactly the warnings listed in {@link #EXPLAINED}, each with the reason the line is unusable. A file is
 * taken as perf script or folded by its name and folder (how the sample READMEs name them), and also,
 * in the sample folders of public/, generated/ and captured/perf-*, whenever detection says so, so a new
 * sample there is covered without editing this test. (Elsewhere under captured/ lie the capture's side
 * files — tracefs stats, guest consoles — which are not traces.)
 */
class StackSamplesWarningsTest {
    /**
     * file → line numbers the importer must warn about. simple-with-invalids.txt is speedscope's fixture of
     * bad folded lines: line 2 is {@code // some other comment} and line 8 is {@code invalid line}, neither
     * of the form {@code stack COUNT}.
     */
    static final Map<String, List<Long>> EXPLAINED = Map.of(
            "public/speedscope/stackcollapse/simple-with-invalids.txt", List.of(2L, 8L));

    /** What the sample's name and folder say it is, or null when they say nothing. */
    static String byName(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (rel.contains("/stackcollapse/") || rel.contains("flamegraph/test/results/") || rel.contains("/folded/")
                || name.contains("folded")) return "folded";
        if (name.contains("perf-script") || name.contains(".linux-perf.") || name.endsWith(".perf.gz")
                || name.equals("simple-perf.txt.gz") || name.equals("example-perf-stacks.txt.gz")
                || (rel.startsWith("public/flamegraph/test/") && name.startsWith("perf-"))) return "perf-script";
        return null;
    }

    /** sample path under samples/ → expected format, for every perf script / folded sample found. */
    static Map<String, String> stackSamples() throws IOException {
        Map<String, String> all = new TreeMap<>();
        Path root = Samples.root();
        FormatRegistry formats = Formats.all();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                String n = p.getFileName().toString();
                if (n.endsWith(".md") || n.equals("README") || n.equals("LICENSE")) continue;
                String expected = byName(rel);
                boolean sampleFolder = rel.startsWith("public/") || rel.startsWith("generated/") || rel.startsWith("captured/perf-");
                if (expected == null && sampleFolder) {
                    String detected;
                    try {
                        detected = formats.detect(new TraceSource(p)).name();
                    } catch (IOException | RuntimeException e) {
                        continue; // not a trace at all (stats, logs, definitions)
                    }
                    if (detected.equals("perf-script") || detected.equals("folded")) expected = detected;
                }
                if (expected != null) all.put(rel, expected);
            }
        }
        return all;
    }

    @Test
    void everyPerfScriptAndFoldedSampleLoadsWithOnlyTheExplainedWarnings() throws IOException {
        Map<String, String> samples = stackSamples();
        // the folders the issue names are all there (a sanity check that the walk found them)
        for (String must : List.of("public/flamegraph/test/perf-dd-stacks-01.txt", "public/speedscope/stackcollapse/simple-utf16-le.txt",
                "generated/perf/perf-script-cpuclock-callchain.txt.xz", "generated/folded/folded-cpuclock.txt",
                "captured/perf-callchains/jvm-work.perf-script.txt.xz", "captured/perf-callchains/jvm-work.folded-perf-stackcollapse.txt.xz",
                "captured/perf-tracepoints/kvm-linux-smp4-m512-window40ms.perf-script-show-lost-events.txt.xz",
                "captured/nested/nested-svm-inner-smp2-secs5.perf-script.txt.xz")) {
            assertTrue(samples.containsKey(must), must);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : samples.entrySet()) {
            Trace t = TraceLoader.standard().load(Samples.path(e.getKey()));
            if (!t.format().equals(e.getValue())) {
                problems.add(e.getKey() + ": loaded as " + t.format() + ", expected " + e.getValue());
                continue;
            }
            List<Long> lines = t.events().warnings().kept().stream().map(w -> w.line()).toList();
            List<Long> want = EXPLAINED.getOrDefault(e.getKey(), List.of());
            if (!lines.equals(want) || t.events().warnings().count() != want.size()) {
                problems.add(e.getKey() + ": warnings " + t.events().warnings().count() + " " + t.events().warnings().first(5)
                        + ", explained " + want);
            }
            if (t.stacks().sampleCount() == 0 && t.events().size() == 0) problems.add(e.getKey() + ": nothing loaded");
        }
        assertEquals(List.of(), problems, samples.size() + " samples checked");
        assertTrue(samples.size() >= 60, "perf script and folded samples found: " + samples.size());
    }
}
