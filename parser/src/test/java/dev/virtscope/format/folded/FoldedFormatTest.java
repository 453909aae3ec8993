package dev.virtscope.format.folded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.stack.StackStore;
import dev.virtscope.store.Trace;

/** Folded files load straight into the stack store; totals and warnings checked by an independent regex scan. */
class FoldedFormatTest {
    /** flamegraph.pl's line rule (L677). */
    static final Pattern LINE = Pattern.compile("^(.*)\\s+?(\\d+(?:\\.\\d*)?)$");

    static Stream<String> foldedSamples() throws IOException {
        List<String> all = new ArrayList<>();
        for (String dir : List.of("public/flamegraph/test/results", "generated/folded", "public/speedscope/stackcollapse")) {
            try (Stream<Path> s = Files.list(Samples.path(dir))) {
                s.filter(p -> !p.getFileName().toString().contains("utf16")).map(p -> dir + "/" + p.getFileName()).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    /** Total count and the numbers of the lines flamegraph.pl would ignore (comments '#' aside). */
    static double total(List<String> lines, List<Long> invalid) {
        double sum = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).replace("\r", "");
            if (l.isEmpty() || l.startsWith("#")) continue;
            Matcher m = LINE.matcher(l);
            if (m.matches() && !m.group(1).isBlank()) sum += Double.parseDouble(m.group(2));
            else invalid.add(i + 1L);
        }
        return sum;
    }

    static double storeTotal(StackStore st) {
        double s = 0;
        for (int i = 0; i < st.sampleCount(); i++) s += st.weight(i);
        return s;
    }

    @ParameterizedTest
    @MethodSource("foldedSamples")
    void loadsWithTotalsOfTheText(String sample) throws IOException {
        Path p = Samples.path(sample);
        Trace t = TraceLoader.standard().load(p);
        assertEquals("folded", t.format(), sample);
        List<Long> invalid = new ArrayList<>();
        double want = total(Files.readAllLines(p, StandardCharsets.ISO_8859_1), invalid);
        assertEquals(want, storeTotal(t.stacks()), 1e-6, sample);
        List<Long> got = new ArrayList<>();
        t.events().warnings().kept().forEach(w -> got.add(w.line()));
        assertEquals(invalid, got, sample + " warnings");
    }

    @Test
    void theInvalidLinesOfTheFixtureAreWarnedWithTheirNumbers() throws IOException {
        Trace t = TraceLoader.standard().load(Samples.path("public/speedscope/stackcollapse/simple-with-invalids.txt"));
        // line 2 is "// some other comment", line 8 "invalid line" (read from the file)
        assertEquals(List.of(2L, 8L), t.events().warnings().kept().stream().map(w -> w.line()).toList());
    }

    @Test
    void utf16AndCrlfGiveTheSameStacksAsPlainText() throws IOException {
        TreeMap<String, Double> plain = stacks("public/speedscope/stackcollapse/simple.txt");
        assertEquals(plain, stacks("public/speedscope/stackcollapse/simple-utf16-le.txt"));
        assertEquals(plain, stacks("public/speedscope/stackcollapse/simple-utf16-be.txt"));
        assertEquals(plain, stacks("public/speedscope/stackcollapse/simple-crlf.txt"));
    }

    @Test
    void differentialLinesKeepBothCounts() throws IOException {
        Path tmp = Files.createTempFile("diff", ".folded");
        try {
            Files.writeString(tmp, "a;b 3 5\na;c 2 0\n");
            StackStore st = TraceLoader.standard().load(tmp).stacks();
            assertEquals(true, st.differential());
            assertEquals(3.0, st.weight(0));
            assertEquals(5.0, st.weight2(0));
        } finally {
            Files.delete(tmp);
        }
    }

    static TreeMap<String, Double> stacks(String sample) throws IOException {
        StackStore st = TraceLoader.standard().load(Samples.path(sample)).stacks();
        TreeMap<String, Double> m = new TreeMap<>();
        for (int i = 0; i < st.sampleCount(); i++) {
            int[] f = new int[st.depth(st.stack(i))];
            st.framesRootFirst(st.stack(i), f);
            StringBuilder sb = new StringBuilder();
            for (int x : f) sb.append(sb.length() == 0 ? "" : ";").append(st.frameName(x));
            m.merge(sb.toString(), st.weight(i), Double::sum);
        }
        return m;
    }
}
