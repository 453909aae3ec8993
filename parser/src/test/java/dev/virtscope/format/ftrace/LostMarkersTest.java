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

import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LostEvents;

/**
 * Lost-event lines. No sample caught a buffer overrun, so the real trace_pipe sample gets the lines
 * the kernel and trace-cmd print on one (formats from kernel/trace/trace.c print_trace_line and
 * test_cpu_buff_start, trace-cmd trace-read.c trace_show_data) inserted between its real lines.
 */
class LostMarkersTest {
    @TempDir
    Path tmp;

    private static final String PIPE = "generated/ftrace/trace_pipe-kvm-sched-6.18-first6000.txt.xz";

    @Test
    void lostAndBufferStartedMarkersTakeTheNextEventTimeOnTheirCpu() throws IOException {
        List<String> lines = new ArrayList<>(SampleTexts.lines(PIPE));
        // the first later event on each CPU, found independently with a regex on the text
        int at = 100;
        long nextCpu0 = nextTimeOnCpu(lines, at, 0), nextCpu1 = nextTimeOnCpu(lines, at, 1);
        lines.add(at, "CPU:1 [LOST 42 EVENTS]");
        lines.add(at, "##### CPU 0 buffer started ####");
        Path f = tmp.resolve("trace_pipe-with-losses.txt");
        Files.write(f, lines, StandardCharsets.UTF_8);

        EventStore s = TraceLoader.standard().load(f).events();
        assertEquals(0, s.warnings().count());
        assertEquals(SampleTexts.eventLines(lines), s.size());
        LostEvents lost = s.lost();
        assertEquals(2, lost.size());
        assertEquals(LostEvents.Kind.BUFFER_STARTED, lost.kind(0));
        assertEquals(0, lost.cpu(0));
        assertEquals(-1, lost.count(0));
        assertEquals(nextCpu0, lost.ts(0));
        assertEquals(at + 1, lost.line(0));
        assertEquals(LostEvents.Kind.LOST, lost.kind(1));
        assertEquals(42, lost.count(1));
        assertEquals(nextCpu1, lost.ts(1));
    }

    @Test
    void traceCmdDroppedEventLines() throws IOException {
        List<String> lines = new ArrayList<>(SampleTexts.lines("generated/trace-cmd/report-3.1.6-default.txt.xz"));
        lines.add(50, "CPU:0 [EVENTS DROPPED]");
        lines.add(50, "CPU:1 [SUBBUFFER START]");
        lines.add(50, "CPU:1 [7 EVENTS DROPPED]");
        Path f = tmp.resolve("report-with-drops.txt");
        Files.write(f, lines, StandardCharsets.UTF_8);
        EventStore s = TraceLoader.standard().load(f).events();
        assertEquals("trace-cmd-report", s.format());
        assertEquals(0, s.warnings().count());
        assertEquals(2, s.lost().size());
        assertEquals(LostEvents.Kind.DROPPED, s.lost().kind(0));
        assertEquals(7, s.lost().count(0));
        assertEquals(-1, s.lost().count(1));
        assertEquals(0, s.lost().cpu(1));
    }

    @Test
    void badLinesBecomeWarningsWithLineNumbers() throws IOException {
        List<String> lines = new ArrayList<>(SampleTexts.lines(PIPE));
        lines.add(10, "this is not a trace line");
        Path f = tmp.resolve("trace_pipe-with-garbage.txt");
        Files.write(f, lines, StandardCharsets.UTF_8);
        EventStore s = TraceLoader.standard().load(f).events();
        assertEquals(1, s.warnings().count());
        assertEquals(11, s.warnings().kept().get(0).line());
        assertEquals(SampleTexts.eventLines(lines) - 1, s.size());
    }

    private static long nextTimeOnCpu(List<String> lines, int from, int cpu) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("\\[0*" + cpu + "\\] \\S+\\s+(\\d+)\\.(\\d{6}):");
        for (int i = from; i < lines.size(); i++) {
            java.util.regex.Matcher m = p.matcher(lines.get(i));
            if (m.find()) return Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2)) * 1000;
        }
        throw new AssertionError("no event on CPU " + cpu);
    }
}
