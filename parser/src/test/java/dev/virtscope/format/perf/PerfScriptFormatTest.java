package dev.virtscope.format.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.virtscope.Samples;
import dev.virtscope.io.TraceSource;
import dev.virtscope.stack.StackStore;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.Trace;
import dev.virtscope.format.TraceLoader;

/**
 * Every perf script sample in samples/ loads as perf-script with no warning; the counts of samples
 * and tracepoint events are checked against an independent regex scan of the text (the header
 * grammar of FORMATS.md §4), not against the importer's own output.
 */
class PerfScriptFormatTest {
    static final Pattern HEADER = Pattern.compile(
            "^\\s*(?:VM:\\s*\\d+\\s+VCPU:\\s*\\d+\\s+)?(\\S.*?)\\s+(?:(-?\\d+)/)?(-?\\d+)\\s+(?:\\[(\\d+)\\]\\s+)?(?:(\\d+\\.\\d+):\\s+)?(?:(\\d+)\\s+)?(\\S+):\\s*(.*)$");

    static Stream<String> perfSamples() throws IOException {
        List<String> all = new ArrayList<>();
        for (String dir : List.of("public/flamegraph/test", "public/speedscope/linux-perf", "public/firefox-profiler", "generated/perf")) {
            try (Stream<Path> s = Files.list(Samples.path(dir))) {
                s.filter(Files::isRegularFile).map(p -> dir + "/" + p.getFileName()).sorted().forEach(all::add);
            }
        }
        all.add("public/flamegraph/example-perf-stacks.txt.gz");
        return all.stream();
    }

    record Expect(int samples, int tracepoints) {
    }

    /** Independent scan: header lines (not starting with TAB, matching the §4 regex), and those with a sys:name event. */
    static Expect scan(Path p) throws IOException {
        int samples = 0, tps = 0;
        try (InputStream in = new TraceSource(p).open();
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("\t")) continue;
                Matcher m = HEADER.matcher(l);
                if (!m.matches()) continue;
                samples++;
                String ev = m.group(7);
                if (ev.matches("[\\w-]+:[\\w-]+") && !ev.matches("[\\w-]+:[ukhIGHpPSDWe]{1,6}")) tps++;
            }
        }
        return new Expect(samples, tps);
    }

    @ParameterizedTest
    @MethodSource("perfSamples")
    void loadsWithoutWarnings(String sample) throws IOException {
        Path p = Samples.path(sample);
        Trace t = TraceLoader.standard().load(p);
        assertEquals("perf-script", t.format(), sample);
        EventStore ev = t.events();
        assertEquals(0, ev.warnings().count(), () -> sample + ": " + ev.warnings().first(5));
        Expect x = scan(p);
        assertEquals(x.samples(), t.stacks().sampleCount(), sample + " samples");
        assertEquals(x.tracepoints(), ev.size(), sample + " tracepoint events");
    }

    @Test
    void tracepointsGoToTheEventStoreWithoutTheSystemPrefix() throws IOException {
        Trace t = TraceLoader.standard().load(Samples.path("generated/perf/perf-script-kvm-tp-default.txt.xz"));
        EventStore ev = t.events();
        assertTrue(ev.eventNames().find("kvm_userspace_exit") >= 0);
        assertTrue(ev.eventNames().find("sched_switch") >= 0);
        assertEquals(-1, ev.eventNames().find("kvm:kvm_userspace_exit"));
        int task = ev.tasks().indexOf(6865);
        assertTrue(task >= 0);
        assertEquals("CPU 0/KVM", ev.tasks().comm(task));
        assertEquals(0, ev.tasks().vcpu(task));
    }

    @Test
    void callchainFramesAreLeafLastInTheTrieAndOffsetsStripped() throws IOException {
        Path p = Samples.path("public/flamegraph/test/perf-dd-stacks-01.txt");
        StackStore st = TraceLoader.standard().load(p).stacks();
        // first sample of the file, read independently: its frames leaf first
        List<String> frames = new ArrayList<>();
        for (String l : Files.readAllLines(p)) {
            if (l.startsWith("#")) continue;
            if (l.isEmpty()) {
                if (!frames.isEmpty()) break;
                continue;
            }
            if (l.startsWith("\t") || l.startsWith(" ")) {
                String s = l.trim().replaceFirst("^[0-9a-f]+\\s+", "");
                s = s.substring(0, s.lastIndexOf(" (")).replaceFirst("\\+0x[0-9a-f]+$", "");
                frames.add(s);
            }
        }
        int[] got = new int[st.depth(st.stack(0))];
        st.framesRootFirst(st.stack(0), got);
        assertEquals(frames.size(), got.length);
        for (int i = 0; i < got.length; i++) {
            String want = frames.get(frames.size() - 1 - i);
            if (!want.equals("[unknown]")) assertEquals(want, st.frameName(got[i]));
        }
    }

    @Test
    void pidSlashTidGivesTheTgidAndModifiersAreDroppedFromEventNames() throws IOException {
        // "            perf  6858/6858  [000]  1101.595890:     sched:sched_switch: ..." (first line of the file)
        Trace t = TraceLoader.standard().load(Samples.path("generated/perf/perf-script-kvm-tp-F-pid-tid.txt.xz"));
        int task = t.events().tasks().indexOf(6858);
        assertEquals(6858, t.events().tasks().tgid(task));
        assertEquals("perf", t.events().tasks().comm(task));
        // "firefox  7564/7564  2574592.839818:          1 cycles:uppp: "
        StackStore st = TraceLoader.standard().load(Samples.path("public/firefox-profiler/test.perf.gz")).stacks();
        assertEquals("cycles", st.eventName(0));
        assertEquals("firefox", st.commName(0));
    }

    @Test
    void timesPidsCpusAndPeriodsAreRead() throws IOException {
        StackStore st = TraceLoader.standard().load(Samples.path("public/firefox-profiler/gzip.perf.gz")).stacks();
        // perf 83220/83220 36556.170907:          1 cycles:  (first sample header of that file)
        assertEquals(83220, st.pid(0));
        assertEquals(83220, st.tid(0));
        assertEquals(36556_170907_000L, st.ts(0));
        assertEquals(1.0, st.weight(0));
        assertEquals("cycles", st.eventName(0));
    }
}
