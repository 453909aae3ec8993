package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.virtscope.Samples;
import dev.virtscope.io.TraceSource;
import picocli.CommandLine;

/**
 * info / kvm-stat / histogram over several files: a real host trace + QEMU log of one QEMU run
 * (captured/session), whose expectations are computed here from the text lines alone.
 */
class SessionCommandsTest {
    static final String PAIR = "captured/session/kvm-bios-smp2-m128-pair.";
    static final Path HOST_TEXT = Samples.path(PAIR + "host-ftrace.txt.xz"), HOST_DAT = Samples.path(PAIR + "host.trace.dat"),
            QEMU = Samples.path(PAIR + "qemu-log.txt.xz");
    static final Pattern HOST_EVENT = Pattern.compile("^\\s*(.+)-(\\d+)\\s+\\(\\s*(\\d+)\\)\\s+\\[\\d+\\]\\s+\\S+\\s+(\\d+)\\.(\\d{6}): (\\w+):");
    static final Pattern QEMU_LINE = Pattern.compile("^(\\d+)@(\\d+)\\.(\\d{6}):(\\w+) (.*)$");
    static final Pattern MARK = Pattern.compile(" (\\d+)\\.(\\d{6}): tracing_mark_write: virtscope-capture CLOCK_REALTIME_NS=(\\d+)");

    @TempDir
    Path tmp;

    static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = VirtScopeCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[]{Integer.toString(code), out.toString(), err.toString()};
    }

    static List<String> lines(Path f) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new TraceSource(f).open(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) out.add(l);
        }
        return out;
    }

    static long usOf(Matcher m, int sec, int usec) {
        return Long.parseLong(m.group(sec)) * 1_000_000 + Long.parseLong(m.group(usec));
    }

    /** mono − realtime (ns) from the first clock marker of the host text. */
    static long markerOffset() throws IOException {
        for (String l : lines(HOST_TEXT)) {
            Matcher m = MARK.matcher(l);
            if (m.find()) return usOf(m, 1, 2) * 1000 - Long.parseLong(m.group(3));
        }
        throw new AssertionError("no marker");
    }

    @Test
    void infoOfTheHostAndQemuFilesOfOneRun() throws IOException {
        long hostEvents = lines(HOST_TEXT).stream().filter(l -> HOST_EVENT.matcher(l).find()).count();
        List<String> q = lines(QEMU);
        long qemuEvents = q.stream().filter(l -> QEMU_LINE.matcher(l).matches()).count();
        String[] r = run("info", HOST_TEXT.toString(), QEMU.toString());
        assertEquals("0", r[0], r[2]);
        String o = r[1];
        assertTrue(o.startsWith("session:   2 files, " + (hostEvents + qemuEvents) + " events\n"), o);
        assertTrue(o.contains("file 1:    " + HOST_TEXT + "\n           ftrace, clock local, " + hostEvents + " events"), o);
        assertTrue(o.contains("file 2:    " + QEMU + "\n           qemu-log, clock realtime, " + qemuEvents + " events"), o);
        assertTrue(o.contains("NOT aligned: clock realtime does not agree with local; give --offset"), o);
        assertTrue(o.contains("time:      not one timeline until every file is aligned"), o);

        // the proposal: a little below mono − realtime of the clock markers
        Matcher p = Pattern.compile("proposed: --offset kvm-bios-smp2-m128-pair.qemu-log.txt.xz=(-?\\d+)  \\((\\d+) exits matched with "
                + "kvm-bios-smp2-m128-pair.host-ftrace.txt.xz").matcher(o);
        assertTrue(p.find(), o);
        long proposed = Long.parseLong(p.group(1)), truth = markerOffset();
        assertTrue(proposed < truth && truth - proposed < 100_000, proposed + " vs " + truth);
        assertEquals(q.stream().filter(l -> l.contains(":kvm_run_exit ")).count(), Long.parseLong(p.group(2)));

        // one row per vCPU: the host's CPU n/KVM thread and QEMU's log thread are the same tid
        Map<String, String> hostThreads = new TreeMap<>();
        for (String l : lines(HOST_TEXT)) {
            Matcher m = HOST_EVENT.matcher(l);
            if (m.find() && m.group(1).trim().matches("CPU \\d+/KVM")) hostThreads.put(m.group(1).trim(), m.group(2) + " " + m.group(3));
        }
        Pattern row = Pattern.compile("  vCPU (\\d+) of VM pid (\\d+): file 1 tid (\\d+) '(CPU \\d+/KVM)'(; file 2 tid (\\d+))?");
        Matcher m = row.matcher(o);
        int rows = 0;
        while (m.find()) {
            rows++;
            assertEquals("CPU " + m.group(1) + "/KVM", m.group(4));
            assertEquals(m.group(3) + " " + m.group(2), hostThreads.get(m.group(4)));
            if (m.group(6) != null) assertEquals(m.group(3), m.group(6));
        }
        assertEquals(hostThreads.size(), rows, o);
        assertTrue(o.contains("vCPUs:     " + hostThreads.size() + " "), o);
    }

    @Test
    void offsetOptionPutsBothFilesOnOneTimeline() throws IOException {
        long offset = markerOffset();
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (String l : lines(HOST_TEXT)) {
            Matcher m = HOST_EVENT.matcher(l);
            if (!m.find()) continue;
            first = Math.min(first, usOf(m, 4, 5) * 1000);
            last = Math.max(last, usOf(m, 4, 5) * 1000);
        }
        for (String l : lines(QEMU)) {
            Matcher m = QEMU_LINE.matcher(l);
            if (!m.matches()) continue;
            first = Math.min(first, usOf(m, 2, 3) * 1000 + offset);
            last = Math.max(last, usOf(m, 2, 3) * 1000 + offset);
        }
        String[] r = run("info", HOST_TEXT.toString(), QEMU.toString(), "--offset", "kvm-bios-smp2-m128-pair.qemu-log.txt.xz=" + offset);
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("offset " + offset + " ns (set by --offset)"), r[1]);
        assertTrue(r[1].contains(String.format("time:      %d.%09d .. %d.%09d s", first / 1_000_000_000L, first % 1_000_000_000L,
                last / 1_000_000_000L, last % 1_000_000_000L)), r[1]);
        assertTrue(!r[1].contains("proposed:"), "an aligned file gets no proposal");

        String[] unknown = run("info", HOST_TEXT.toString(), QEMU.toString(), "--offset", "other.txt=5");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].contains("other.txt"), unknown[2]);
        String[] bad = run("info", HOST_TEXT.toString(), QEMU.toString(), "--offset", "x=1.5ms");
        assertEquals("2", bad[0]);
    }

    @Test
    void infoJsonOfASession() throws IOException {
        String[] r = run("info", HOST_DAT.toString(), QEMU.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertEquals(2, j.get("files").size());
        assertEquals("mono", j.get("files").get(0).get("clock").asText(), "trace.dat states its clock");
        assertTrue(j.get("files").get(0).get("aligned").asBoolean());
        assertTrue(!j.get("files").get(1).get("aligned").asBoolean());
        assertTrue(j.get("files").get(1).get("proposedOffsetNs").isNumber());
        long runExits = lines(QEMU).stream().filter(l -> l.contains(":kvm_run_exit ")).count();
        assertEquals(runExits, j.get("eventsByType").get("kvm_run_exit").asLong());
        assertEquals(2, j.get("vcpus").size());
    }

    /** kvm_run_exit → next KVM_RUN ioctl of the same cpu_index, ns, per KVM_EXIT reason number. */
    static Map<Long, List<Long>> qemuUserspace() throws IOException {
        Map<Integer, long[]> pending = new HashMap<>();
        Map<Long, List<Long>> byReason = new TreeMap<>();
        Pattern exit = Pattern.compile("cpu_index (\\d+), reason (\\d+)"), ioctl = Pattern.compile("cpu_index (\\d+), type 0x([0-9a-f]+),");
        for (String l : lines(QEMU)) {
            Matcher m = QEMU_LINE.matcher(l);
            if (!m.matches()) continue;
            long us = usOf(m, 2, 3);
            if (m.group(4).equals("kvm_run_exit")) {
                Matcher a = exit.matcher(m.group(5));
                assertTrue(a.find());
                pending.put(Integer.parseInt(a.group(1)), new long[]{us, Long.parseLong(a.group(2))});
            } else if (m.group(4).equals("kvm_vcpu_ioctl")) {
                Matcher a = ioctl.matcher(m.group(5));
                assertTrue(a.find(), l);
                long[] p = a.group(2).equals("ae80") ? pending.remove(Integer.parseInt(a.group(1))) : null;
                if (p != null) byReason.computeIfAbsent(p[1], k -> new ArrayList<>()).add((us - p[0]) * 1000);
            }
        }
        return byReason;
    }

    @Test
    void kvmStatUserspaceAcrossThePair() throws IOException {
        Map<Long, List<Long>> exp = qemuUserspace();
        Map<String, List<Long>> byName = Map.of("IO", exp.get(2L), "MMIO", exp.get(6L));
        assertEquals(2, exp.size(), "this run exits to QEMU for port I/O (2) and MMIO (6) only");
        String[] r = run("kvm-stat", HOST_DAT.toString(), QEMU.toString(), "--event", "userspace", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertEquals("userspace", j.get("event").asText());
        assertEquals(2, j.get("rows").size());
        for (JsonNode row : j.get("rows")) {
            List<Long> d = byName.get(row.get("key").asText());
            assertEquals(d.size(), row.get("samples").asLong());
            assertEquals(d.stream().mapToLong(x -> x).min().getAsLong(), row.get("minNs").asLong());
            assertEquals(d.stream().mapToLong(x -> x).max().getAsLong(), row.get("maxNs").asLong());
        }
        long total = exp.values().stream().mapToLong(List::size).sum();
        assertEquals(total, j.get("totalSamples").asLong());

        String[] text = run("kvm-stat", HOST_TEXT.toString(), QEMU.toString(), "--event", "userspace", "--by", "vcpu");
        assertEquals("0", text[0], text[2]);
        assertTrue(text[1].contains("USERSPACE-EXIT"), text[1]);
        assertTrue(text[1].contains("Total Samples:" + total + ","), text[1]);
        assertTrue(text[2].contains("from QEMU's kvm_run_exit"), text[2]);
        // the same numbers whatever the offset: intervals never cross files
        String[] shifted = run("kvm-stat", HOST_DAT.toString(), QEMU.toString(), "--event", "userspace", "--json",
                "--offset", QEMU + "=-1795318016322441267");
        assertEquals(r[1], shifted[1]);
        assertEquals("2", run("kvm-stat", HOST_DAT.toString(), QEMU.toString(), "--event", "userspace", "--by", "cpu")[0]);
    }

    @Test
    void kvmStatReadsKvmEventsFromOneHostTraceOnly() {
        String[] r = run("kvm-stat", HOST_DAT.toString(), HOST_TEXT.toString(), "--event", "ioport");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("2 files have kvm events"), r[2]);
        // the single-file table of the host file is unchanged by a QEMU file next to it
        String[] alone = run("kvm-stat", HOST_TEXT.toString(), "--event", "ioport", "--json");
        String[] withQemu = run("kvm-stat", HOST_TEXT.toString(), QEMU.toString(), "--event", "ioport", "--json");
        assertEquals("0", withQemu[0], withQemu[2]);
        assertEquals(alone[1], withQemu[1]);
    }

    @Test
    void histogramOfTimeInQemuPerExit() throws IOException {
        List<Long> io = qemuUserspace().get(2L);
        Path json = tmp.resolve("h.json");
        String[] r = run("histogram", QEMU.toString(), HOST_DAT.toString(), "--userspace", "--reason", "IO", "--out", json.toString());
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(io.size(), j.get("count").asLong());
        assertEquals(io.stream().mapToLong(x -> x).max().getAsLong(), j.get("percentiles").get("max").asLong());
        // log2 buckets [2^k, 2^(k+1)) counted from the durations directly
        Map<Long, Long> buckets = new TreeMap<>();
        for (long d : io) buckets.merge(63L - Long.numberOfLeadingZeros(d), 1L, Long::sum);
        for (JsonNode b : j.get("buckets")) {
            long k = 63L - Long.numberOfLeadingZeros(b.get("loNs").asLong());
            assertEquals(buckets.getOrDefault(k, 0L), b.get("count").asLong(), "bucket " + b);
        }
        String[] text = run("histogram", HOST_TEXT.toString(), QEMU.toString(), "--userspace", "--reason", "KVM_EXIT_MMIO");
        assertEquals("0", text[0], text[2]);
        assertTrue(text[1].startsWith("time in QEMU per exit MMIO: " + qemuUserspace().get(6L).size() + " samples"), text[1]);
        assertEquals("2", run("histogram", QEMU.toString(), "--userspace", "--reason", "NOPE")[0]);
        assertEquals("2", run("histogram", QEMU.toString(), "--userspace", "--cpu", "0")[0]);
    }

    @Test
    void hostSideUserspaceExitsWhenNoQemuTraceIsGiven() throws IOException {
        // nested SVM capture: kvm_userspace_exit and kvm_entry on the host side
        Path f = Samples.path("captured/nested/nested-svm-inner-smp2-secs5.ftrace.txt.xz");
        Pattern line = Pattern.compile("-(\\d+)\\s+\\[\\d+\\]\\s+\\S+\\s+\\d+\\.\\d{6}: (kvm_userspace_exit|kvm_entry):");
        Map<String, Boolean> open = new HashMap<>();
        long pairs = 0;
        for (String l : lines(f)) {
            Matcher m = line.matcher(l);
            if (!m.find()) continue;
            if (m.group(2).equals("kvm_userspace_exit")) open.put(m.group(1), true);
            else if (open.remove(m.group(1)) != null) pairs++;
        }
        String[] r = run("kvm-stat", f.toString(), "--event", "userspace");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("Total Samples:" + pairs + ","), r[1]);
        assertTrue(r[2].contains("the host's kvm_userspace_exit"), r[2]);
        String[] none = run("kvm-stat", Samples.path("generated/ftrace/trace-variant-tgid.txt").toString(), "--event", "userspace");
        assertEquals("3", none[0]);
        assertTrue(none[2].contains("-trace kvm_run_exit -trace kvm_vcpu_ioctl"), none[2]);
    }

    @Test
    void binarySimpletraceNeedsItsTraceEventsFile() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        Path trace = Files.copy(Samples.path("generated/qemu-simpletrace/tcg-linux-smp2-fullboot/trace-20268.xz"), dir.resolve("trace-20268.xz"));
        Path events = Samples.path("generated/qemu-simpletrace/trace-events-all-8.2.0");
        for (String cmd : List.of("info", "kvm-stat", "histogram")) {
            String[] r = run(cmd, trace.toString());
            assertEquals("3", r[0], cmd);
            assertTrue(r[2].contains("trace-events-all") && r[2].contains("/usr/share/qemu/trace-events-all")
                    && r[2].contains("--trace-events FILE") && r[2].contains("build directory"), r[2]);
        }
        // simpletrace.py printed one line per record of the same file
        long records = lines(Samples.path("generated/qemu-simpletrace/tcg-linux-smp2-fullboot/simpletrace-output.txt.xz")).size();
        String[] given = run("info", trace.toString(), "--trace-events", events.toString());
        assertEquals("0", given[0], given[2]);
        assertTrue(given[1].contains("events:    " + records + "\n"), given[1]);
        // found next to the trace without the option
        Files.copy(events, dir.resolve("trace-events-all"));
        String[] beside = run("info", trace.toString(), HOST_DAT.toString());
        assertEquals("0", beside[0], beside[2]);
        assertTrue(beside[1].contains("session:   2 files"), beside[1]);
        assertTrue(beside[1].contains("offset 0 ns (clock agrees with file 1)"), beside[1]);
    }
}
