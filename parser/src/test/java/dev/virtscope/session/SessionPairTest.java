package dev.virtscope.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Trace;

/**
 * One real QEMU/KVM run traced twice: the host through a tracefs instance with the mono clock
 * (raw text and trace.dat of the same buffer) and QEMU through its log backend (wall clock).
 * Two trace_marker lines carry CLOCK_REALTIME at a mono instant: the independent truth for the
 * clock offset.
 */
class SessionPairTest {
    static final String PAIR = "captured/session/kvm-bios-smp2-m128-pair.";
    static final Pattern MARK = Pattern.compile(" (\\d+)\\.(\\d{6}): tracing_mark_write: virtscope-capture CLOCK_REALTIME_NS=(\\d+)");
    static final Pattern HOST_VCPU = Pattern.compile("^\\s*CPU (\\d+)/KVM-(\\d+)\\s+\\(\\s*(\\d+)\\)");
    static final Pattern QEMU_LINE = Pattern.compile("^(\\d+)@(\\d+)\\.(\\d{6}):(\\w+) (.*)$");

    static Trace load(String name) throws IOException {
        return TraceLoader.standard().load(Samples.path(PAIR + name), LoadOptions.DEFAULT, LoadMonitor.NONE);
    }

    static List<String> lines(String name) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new TraceSource(Samples.path(PAIR + name)).open(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) out.add(l);
        }
        return out;
    }

    /** mono − realtime (ns) from each marker line of the host text. */
    static List<Long> markerOffsets() throws IOException {
        List<Long> out = new ArrayList<>();
        for (String l : lines("host-ftrace.txt.xz")) {
            Matcher m = MARK.matcher(l);
            if (m.find()) out.add(Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2)) * 1000 - Long.parseLong(m.group(3)));
        }
        return out;
    }

    @Test
    void traceDatStatesItsClockAndTheTextDoesNot() throws IOException {
        // the TRACECLOCK option lists the clocks with the active one in brackets
        String raw = new String(Files.readAllBytes(Samples.path(PAIR + "host.trace.dat")), StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("perf [mono] mono_raw"));
        assertEquals("mono", load("host.trace.dat").events().clock());
        // tracefs text has no clock line: the tracefs default is assumed
        assertTrue(lines("host-ftrace.txt.xz").stream().noneMatch(l -> l.startsWith("#") && l.contains("mono")));
        assertEquals("local", load("host-ftrace.txt.xz").events().clock());
    }

    @Test
    void monoTraceDatAlignsWithQemusMonotonicSimpletraceButNotWithTheWallClockLog() throws IOException {
        Trace dat = load("host.trace.dat");
        LoadOptions events = new LoadOptions(List.of(Samples.path("generated/qemu-simpletrace/trace-events-all-8.2.0")));
        Trace simple = TraceLoader.standard().load(Samples.path("generated/qemu-simpletrace/tcg-linux-smp2-fullboot/trace-20268.xz"), events, LoadMonitor.NONE);
        Session s = new Session(List.of(dat, simple, load("qemu-log.txt.xz")));
        assertTrue(s.aligned(1), "ftrace mono against QEMU's CLOCK_MONOTONIC");
        assertFalse(s.aligned(2), "mono against the log backend's wall clock");
        assertEquals(0, s.offsetNs(1));
    }

    @Test
    void proposedOffsetMatchesTheClockMarkers() throws IOException {
        List<Long> marks = markerOffsets();
        assertEquals(2, marks.size());
        assertTrue(Math.abs(marks.get(0) - marks.get(1)) < 20_000, "the two clocks do not drift apart: " + marks);
        long qemuExits = lines("qemu-log.txt.xz").stream().filter(l -> l.contains(":kvm_run_exit ")).count();
        for (String host : List.of("host.trace.dat", "host-ftrace.txt.xz")) {
            Session s = new Session(List.of(load(host), load("qemu-log.txt.xz")));
            List<SessionOffsets.Suggestion> sug = SessionOffsets.suggest(s);
            assertEquals(1, sug.size());
            assertEquals(1, sug.get(0).file());
            long p = sug.get(0).offsetNs();
            // QEMU logs an exit a few µs after the kernel's tracepoint: a little below mono − realtime
            assertTrue(p < marks.get(0) && marks.get(0) - p < 100_000, host + ": proposal " + p + " markers " + marks);
            assertEquals(qemuExits, sug.get(0).proposal().pairs(), "every QEMU exit finds its kernel exit");
            assertTrue(sug.get(0).proposal().spreadNs() < 5_000);
        }
    }

    @Test
    void aVcpuIsOneRowAcrossTheHostAndQemuFiles() throws IOException {
        // host text: CPU n/KVM-TID (TGID); QEMU log: TID@… kvm_run_exit cpu_index n
        Map<Integer, int[]> host = new TreeMap<>(); // vcpu → tid, tgid
        for (String l : lines("host-ftrace.txt.xz")) {
            Matcher m = HOST_VCPU.matcher(l);
            if (m.find()) host.put(Integer.parseInt(m.group(1)), new int[]{Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
        }
        Map<Integer, Integer> qemuTid = new HashMap<>(); // vcpu → tid
        Pattern idx = Pattern.compile("cpu_index (\\d+)");
        for (String l : lines("qemu-log.txt.xz")) {
            Matcher m = QEMU_LINE.matcher(l);
            if (!m.matches() || !m.group(4).equals("kvm_run_exit")) continue;
            Matcher c = idx.matcher(m.group(5));
            assertTrue(c.find());
            qemuTid.put(Integer.parseInt(c.group(1)), Integer.parseInt(m.group(1)));
        }
        assertEquals(2, host.size());
        Session s = new Session(List.of(load("host-ftrace.txt.xz"), load("qemu-log.txt.xz")));
        SessionVcpus v = SessionVcpus.of(s);
        assertEquals(host.size(), v.rows());
        for (Map.Entry<Integer, int[]> e : host.entrySet()) {
            int r = v.row(0, e.getValue()[0]);
            assertTrue(r >= 0);
            assertEquals((int) e.getKey(), v.vcpu(r));
            assertEquals(e.getValue()[1], v.vm(r));
            assertEquals("vCPU " + e.getKey() + " of VM pid " + e.getValue()[1], v.label(r));
            Integer q = qemuTid.get(e.getKey());
            if (q != null) {
                assertEquals(e.getValue()[0], (int) q, "QEMU's log prefix is the host thread id");
                assertEquals(r, v.row(1, q));
                assertEquals(r, v.rowOfIndex(1, e.getKey()));
            }
        }
    }

    @Test
    void binarySimpletraceMapsByCpuIndexOntoTheOnlyVmWithThatIndex() throws IOException {
        // a QEMU file without thread ids (records carry the pid) next to a host trace of one VM
        LoadOptions events = new LoadOptions(List.of(Samples.path("generated/qemu-simpletrace/trace-events-all-8.2.0")));
        Trace simple = TraceLoader.standard().load(Samples.path("generated/qemu-simpletrace/tcg-linux-smp2-fullboot/trace-20268.xz"), events, LoadMonitor.NONE);
        Session s = new Session(List.of(load("host-ftrace.txt.xz"), simple));
        SessionVcpus v = SessionVcpus.of(s);
        assertEquals(2, v.rows(), "the TCG trace has no kvm_run_exit: it adds no row");
        for (int r = 0; r < v.rows(); r++) assertTrue(v.members(r).stream().allMatch(m -> m.file() == 0));
    }

    /** Time in QEMU per exit across the pair: QEMU's own view, computed here from the log lines. */
    @Test
    void userspaceIntervalsComeFromQemusViewInASessionWithBoth() throws IOException {
        Map<Integer, long[]> pending = new HashMap<>();
        Map<Long, List<Long>> byReason = new TreeMap<>();
        Pattern exit = Pattern.compile("cpu_index (\\d+), reason (\\d+)"), ioctl = Pattern.compile("cpu_index (\\d+), type 0x([0-9a-f]+),");
        for (String l : lines("qemu-log.txt.xz")) {
            Matcher m = QEMU_LINE.matcher(l);
            assertTrue(m.matches(), l);
            long us = Long.parseLong(m.group(2)) * 1_000_000 + Long.parseLong(m.group(3));
            if (m.group(4).equals("kvm_run_exit")) {
                Matcher a = exit.matcher(m.group(5));
                assertTrue(a.find());
                pending.put(Integer.parseInt(a.group(1)), new long[]{us, Long.parseLong(a.group(2))});
            } else {
                Matcher a = ioctl.matcher(m.group(5));
                assertTrue(a.find(), l);
                long[] p = a.group(2).equals("ae80") ? pending.remove(Integer.parseInt(a.group(1))) : null;
                if (p != null) byReason.computeIfAbsent(p[1], k -> new ArrayList<>()).add((us - p[0]) * 1000);
            }
        }
        Session s = new Session(List.of(load("host.trace.dat"), load("qemu-log.txt.xz")));
        SessionUserspace u = SessionUserspace.of(s, SessionVcpus.of(s));
        assertEquals(SessionUserspace.Source.QEMU, u.source());
        assertEquals(List.of(1), u.files());
        var table = u.table(false, -1);
        assertEquals(byReason.size(), table.rows().size());
        for (var row : table.rows()) {
            List<Long> d = byReason.get((long) dev.virtscope.analysis.qemu.KvmExitReason.of(row.key()));
            assertEquals(d.size(), row.samples(), row.key());
            assertEquals(d.stream().mapToLong(x -> x).min().getAsLong(), row.minNs());
            assertEquals(d.stream().mapToLong(x -> x).max().getAsLong(), row.maxNs());
        }
        assertEquals(byReason.get(6L).size(), u.latencies(6, -1).size());
        assertEquals(byReason.get(2L).size(), u.latencies(2, 0).size());
    }
}
