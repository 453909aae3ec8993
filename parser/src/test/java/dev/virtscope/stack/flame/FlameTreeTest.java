package dev.virtscope.stack.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.stack.StackStore;

/** Flame graph model on real folded and perf samples; expectations come from plain scans of the text. */
class FlameTreeTest {
    static final String VERTX = "public/speedscope/stackcollapse/perf-vertx-stacks-01-collapsed-all.txt";

    static StackStore load(String s) throws IOException {
        return TraceLoader.standard().load(Samples.path(s)).stacks();
    }

    static List<String> lines(String s) throws IOException {
        return Files.readAllLines(Samples.path(s), StandardCharsets.ISO_8859_1);
    }

    static long count(String line) {
        return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
    }

    static String[] frames(String line) {
        return line.substring(0, line.lastIndexOf(' ')).split(";");
    }

    @Test
    void rootTotalIsTheSumOfCounts() throws IOException {
        FlameTree t = new FlameBuilder().build(load(VERTX));
        long sum = lines(VERTX).stream().mapToLong(FlameTreeTest::count).sum();
        assertEquals(sum, t.total(0), 1e-9);
    }

    @Test
    void searchPercentEqualsTheShareOfLinesWithAMatchingFrame() throws IOException {
        for (String re : List.of("epoll", "^java$", "Channel", "_\\[k\\]$")) {
            Pattern p = Pattern.compile(re);
            long all = 0, hit = 0;
            for (String l : lines(VERTX)) {
                all += count(l);
                for (String f : frames(l)) if (p.matcher(f).find()) {
                    hit += count(l);
                    break;
                }
            }
            FlameSearch s = new FlameSearch(new FlameBuilder().build(load(VERTX)), p, 0);
            assertEquals(100.0 * hit / all, s.percent(), 1e-9, re);
        }
    }

    @Test
    void selfWeightsSumToTheTotal() throws IOException {
        FlameTree t = new FlameBuilder().build(load(VERTX));
        double self = 0;
        for (int n = 0; n < t.size(); n++) self += t.self(n);
        assertEquals(t.total(0), self, 1e-9);
    }

    @Test
    void recursionMergeCollapsesRepeatedFrames() throws IOException {
        String s = "public/speedscope/stackcollapse/recursion.txt";
        FlameTree t = new FlameBuilder().mergeRecursion(true).build(load(s));
        // independent: the deepest path after removing adjacent repeats
        int deepest = 0;
        for (String l : lines(s)) {
            String[] f = frames(l);
            int d = 0;
            for (int i = 0; i < f.length; i++) if (i == 0 || !f[i].equals(f[i - 1])) d++;
            deepest = Math.max(deepest, d);
        }
        assertEquals(deepest, t.maxDepth());
        FlameTree plain = new FlameBuilder().build(load(s));
        int longest = lines(s).stream().mapToInt(l -> frames(l).length).max().orElse(0);
        assertEquals(longest, plain.maxDepth());
    }

    @Test
    void zoomedLayoutSpansTheFullWidthAndKeepsAncestors() throws IOException {
        FlameTree t = new FlameBuilder().build(load(VERTX));
        int target = t.childAt(t.childAt(0, 0), 0);
        FlameLayout l = new FlameLayout(t, target, 0);
        boolean sawTarget = false;
        for (int i = 0; i < l.size(); i++) {
            if (l.node(i) == target) {
                sawTarget = true;
                assertEquals(1.0, l.width(i), 1e-12);
            }
            assertTrue(l.x(i) >= 0 && l.x(i) + l.width(i) <= 1 + 1e-9);
        }
        assertTrue(sawTarget);
        assertEquals(1.0, l.width(0), 1e-12);
    }

    @Test
    void minimumWidthPrunesNarrowFrames() throws IOException {
        FlameTree t = new FlameBuilder().build(load(VERTX));
        FlameLayout all = new FlameLayout(t, 0, 0), wide = new FlameLayout(t, 0, 0.01);
        assertTrue(wide.size() < all.size());
        for (int i = 0; i < wide.size(); i++) assertTrue(wide.width(i) >= 0.01);
    }

    @Test
    void differentialFromTwoCountFoldedInput() throws IOException {
        Path tmp = Files.createTempFile("diff", ".folded");
        try {
            Files.writeString(tmp, "main;a 10 30\nmain;b 20 10\n");
            FlameTree t = new FlameBuilder().build(TraceLoader.standard().load(tmp).stacks());
            assertTrue(t.differential());
            assertEquals(40, t.total(0));
            assertEquals(30, t.base(0));
            FlameTree n = new FlameBuilder().normalize(true).build(TraceLoader.standard().load(tmp).stacks());
            assertEquals(40, n.base(0), 1e-9);
        } finally {
            Files.delete(tmp);
        }
    }

    @Test
    void differentialFromTwoProfiles() throws IOException {
        StackStore after = load("generated/folded/folded-cpuclock.txt");
        StackStore before = load("generated/folded/folded-cpuclock-pid-kernel.txt");
        FlameTree t = new FlameBuilder().buildDiff(after, before);
        double a = 0, b = 0;
        for (String l : lines("generated/folded/folded-cpuclock.txt")) a += count(l);
        for (String l : lines("generated/folded/folded-cpuclock-pid-kernel.txt")) b += count(l);
        assertEquals(a, t.total(0), 1e-6);
        assertEquals(b, t.base(0), 1e-6);
    }

    @Test
    void filtersByCommTidAndEvent() throws IOException {
        String s = "public/flamegraph/test/perf-iperf-stacks-pidtid-01.txt";
        StackStore st = load(s);
        // independent: count headers of comm iperf and of one tid from the text
        Pattern h = Pattern.compile("^(\\S.*?)\\s+(\\d+)/(\\d+)\\s.*");
        int iperf = 0, tid = -1, ofTid = 0;
        for (String l : lines(s)) {
            var m = h.matcher(l);
            if (!m.matches()) continue;
            if (m.group(1).equals("iperf")) {
                iperf++;
                if (tid < 0) tid = Integer.parseInt(m.group(3));
                if (Integer.parseInt(m.group(3)) == tid) ofTid++;
            }
        }
        FlameTree byComm = new FlameBuilder().filter(FlameFilter.ALL.withComm("iperf")).build(st);
        assertEquals(iperf, byComm.total(0), 1e-9);
        FlameTree byTid = new FlameBuilder().filter(FlameFilter.ALL.withTid(tid)).build(st);
        assertEquals(ofTid, byTid.total(0), 1e-9);
        FlameTree none = new FlameBuilder().filter(FlameFilter.ALL.withEvent("no-such-event")).build(st);
        assertEquals(0, none.total(0));
    }
}
