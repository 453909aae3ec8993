package dev.virtscope.format.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.TraceBuilder;

/**
 * Bad lines never stop a load: every line of real samples cut at every kind of position (inside the
 * comm, pid, CPU, flags, time, name, payload) is either an event or a warning, never an exception.
 */
class DamagedLinesTest {
    @TempDir
    Path tmp;

    @Test
    void cutLinesAreEventsOrWarnings() throws IOException {
        for (String sample : List.of("generated/ftrace/trace-kvm-sched-6.18.txt.xz", "generated/ftrace/trace-variant-latency-verbose.txt",
                "generated/ftrace/trace-variant-latencyformat.txt", "generated/trace-cmd/report-3.1.6-ts-diff.txt.xz",
                "public/tracecompass-incubator/trace-android-sched-irq", "generated/ftrace/trace-variant-tgid.txt")) {
            List<String> lines = SampleTexts.lines(sample);
            List<String> cut = new ArrayList<>();
            for (int i = 0; i < lines.size() && cut.size() < 3000; i++) {
                String l = lines.get(i);
                if (l.startsWith("#") || l.isEmpty()) continue;
                cut.add(l.substring(0, (int) ((i * 7919L) % (l.length() + 1))));
            }
            long expected = cut.stream().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).count();
            for (boolean report : new boolean[] {false, true}) {
                Path f = tmp.resolve("cut.txt");
                Files.write(f, cut, StandardCharsets.UTF_8);
                TraceBuilder b = new TraceBuilder(LoadOptions.DEFAULT);
                new FtraceTextImporter(b.events, report).load(new TraceSource(f), LoadMonitor.NONE);
                EventStore s = b.build(f.toString(), "test").events();
                assertEquals(expected, s.size() + s.warnings().count() - lostLines(s), sample);
            }
        }
    }

    /** Lines that became lost-event markers (a cut line can still be a marker, e.g. "CPU:0 [LOST 3 EVENTS]"). */
    private static long lostLines(EventStore s) {
        return s.lost().size();
    }
}
