package dev.virtscope.format.tracedat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.Trace;

/**
 * Every trace.dat sample loads to exactly the events {@code trace-cmd report -t} lists for the
 * same file: same count, and per event the same nanosecond timestamp, CPU, pid, event name and
 * comm. The references were produced by trace-cmd 3.1.6 and stored beside the samples.
 */
class TraceDatVsReportTest {
    /** {@code [instance: ]comm-pid [cpu] sec.nsec: name: payload}: pid, cpu, time and name, anchored on "[cpu]". */
    private static final Pattern EVENT = Pattern.compile("-(\\d+)\\s+\\[(\\d+)\\]\\s+(\\d+)\\.(\\d{9}):\\s+(\\S+?):");

    record Ref(String key, String left) {
    }

    @ParameterizedTest
    @CsvSource({
            "public/trappy/raw_trace.dat.gz, public/trappy/raw_trace.dat.report.txt.xz",
            "public/trappy/trace.dat.gz, public/trappy/trace.dat.report.txt.xz",
            "public/trappy/trace_idle.dat.gz, public/trappy/trace_idle.dat.report.txt.xz",
            "generated/trace-cmd/kvmsample-v7-zstd.dat, generated/trace-cmd/report-3.1.6-t-nsec.txt.xz",
            "generated/trace-cmd/kvmsample-v6.dat.gz, generated/trace-cmd/report-3.1.6-t-nsec.txt.xz",
            "generated/trace-cmd/kvmsample-v7-nocompress.dat.gz, generated/trace-cmd/report-3.1.6-t-nsec.txt.xz",
            "generated/trace-cmd/kvm-sched-irq-timer-v7-zstd.dat, generated/trace-cmd/kvm-sched-irq-timer-v7-zstd.dat.report.txt.xz",
            "generated/trace-cmd/dropped-v7-zstd.dat, generated/trace-cmd/dropped-v7-zstd.dat.report.txt.xz",
            "captured/ftrace/kvm-bios-smp2-m128-noemul.trace.dat, captured/ftrace/kvm-bios-smp2-m128-noemul.report-t.txt.xz",
            "captured/ftrace/kvm-linux-smp4-m512-window40ms.trace.dat, captured/ftrace/kvm-linux-smp4-m512-window40ms.report-t.txt.xz",
            "captured/nested/nested-svm-inner-smp2-secs5.trace.dat, captured/nested/nested-svm-inner-smp2-secs5.report-t.txt.xz",
            "captured/session/kvm-bios-smp2-m128-pair.host.trace.dat, captured/session/kvm-bios-smp2-m128-pair.host.report-t.txt.xz",
    })
    void eventsEqualTraceCmdReport(String dat, String report) throws IOException {
        Trace t = TraceLoader.standard().load(Samples.path(dat));
        assertEquals("trace.dat", t.format());
        EventStore s = t.events();

        List<Ref> refs = reference(report);
        List<String> expected = new ArrayList<>();
        for (Ref r : refs) expected.add(r.key());
        List<String> actual = new ArrayList<>();
        List<String> comms = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            String key = key(s.ts(i), s.cpu(i), s.tid(i), s.eventName(i));
            actual.add(key);
            comms.add(key + "|" + s.tasks().commAt(s.taskIndex(i), s.ts(i)));
        }
        assertEquals(expected.size(), actual.size(), dat + ": event count");
        Collections.sort(expected);
        Collections.sort(actual);
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), actual.get(i), dat + ": event " + i + " (sorted)");

        // the comm trace-cmd shows (from saved_cmdlines) is the store's comm of that task
        List<String> refComms = new ArrayList<>();
        for (Ref r : refs) refComms.add(r.key() + "|" + r.left());
        Collections.sort(refComms);
        Collections.sort(comms);
        for (int i = 0; i < comms.size(); i++) {
            String mine = comms.get(i);
            String ref = refComms.get(i);
            String comm = mine.substring(mine.indexOf('|') + 1);
            String shown = ref.substring(ref.indexOf('|') + 1);
            // shown may carry an instance prefix ("kvmsample: CPU 0/KVM"); "<...>" means report did not
            // know the pid from cmdlines, where VirtScope may have learned it from sched payloads
            assertTrue(shown.equals(comm) || shown.endsWith(" " + comm) || shown.endsWith("<...>"), dat + ": comm of " + mine + " vs " + ref);
        }
    }

    private static String key(long tsNs, int cpu, int pid, String name) {
        return String.format("%020d %4d %7d %s", tsNs, cpu, pid, name);
    }

    /** The reference report's event lines; header lines ("cpus=N") and continuation lines do not match. */
    static List<Ref> reference(String report) throws IOException {
        List<Ref> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new TraceSource(Samples.path(report)).open(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = EVENT.matcher(line);
                if (!m.find()) continue;
                long ts = Long.parseLong(m.group(3)) * 1_000_000_000L + Long.parseLong(m.group(4));
                String left = line.substring(0, m.start()).trim();
                out.add(new Ref(key(ts, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), m.group(5)), left));
            }
        }
        return out;
    }
}
