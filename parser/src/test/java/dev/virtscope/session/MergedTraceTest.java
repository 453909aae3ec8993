package dev.virtscope.session;

import static dev.virtscope.session.SessionPairTest.HOST_VCPU;
import static dev.virtscope.session.SessionPairTest.QEMU_LINE;
import static dev.virtscope.session.SessionPairTest.lines;
import static dev.virtscope.session.SessionPairTest.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.TaskTable;
import dev.virtscope.store.Trace;

/** The host trace and QEMU's log of one run, merged into the one store the window shows. */
class MergedTraceTest {
    private static List<String> hostEventLines() throws IOException {
        return lines("host-ftrace.txt.xz").stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    /** QEMU log times in ns (the log prints µs), in file order. */
    private static List<Long> qemuTimes() throws IOException {
        List<Long> out = new ArrayList<>();
        for (String l : lines("qemu-log.txt.xz")) {
            Matcher m = QEMU_LINE.matcher(l);
            if (m.matches()) out.add((Long.parseLong(m.group(2)) * 1_000_000 + Long.parseLong(m.group(3))) * 1000);
        }
        return out;
    }

    @Test
    void everyEventOfBothFilesIsInOneTimeOrderedStoreWithItsFile() throws IOException {
        List<String> host = hostEventLines();
        List<Long> qemu = qemuTimes();
        MergedTrace m = MergedTrace.single(load("host-ftrace.txt.xz")).with(load("qemu-log.txt.xz"), null);
        EventStore s = m.trace().events();
        assertEquals(host.size() + qemu.size(), s.size());
        int[] perFile = new int[2];
        for (int i = 0; i < s.size(); i++) {
            perFile[m.fileOf(i)]++;
            if (i > 0) assertTrue(s.ts(i) >= s.ts(i - 1), "time order at " + i);
        }
        assertEquals(host.size(), perFile[0]);
        assertEquals(qemu.size(), perFile[1]);
        assertEquals(2, m.files().size());
        assertEquals(MergedTrace.OffsetSource.FIRST_FILE, m.files().get(0).how());
        assertEquals(qemu.size(), m.files().get(1).events());
    }

    @Test
    void theQemuFileIsShiftedByTheProposedOffsetWhichTheClockMarkersConfirm() throws IOException {
        long marker = SessionPairTest.markerOffsets().get(0);
        MergedTrace m = MergedTrace.single(load("host-ftrace.txt.xz")).with(load("qemu-log.txt.xz"), null);
        MergedTrace.File q = m.files().get(1);
        assertEquals(MergedTrace.OffsetSource.PROPOSED, q.how(), "host text (local clock) and the wall-clock log do not agree");
        assertTrue(q.offsetNs() < marker && marker - q.offsetNs() < 100_000, "offset " + q.offsetNs() + ", markers say " + marker);
        assertTrue(q.proposal().pairs() > 0);

        List<Long> expected = new ArrayList<>();
        for (long t : qemuTimes()) expected.add(t + q.offsetNs());
        Collections.sort(expected);
        List<Long> got = new ArrayList<>();
        EventStore s = m.trace().events();
        for (int i = 0; i < s.size(); i++) if (m.fileOf(i) == 1) got.add(s.ts(i));
        assertEquals(expected, got);
    }

    @Test
    void aGivenOffsetIsAppliedAsIs() throws IOException {
        MergedTrace m = MergedTrace.single(load("host-ftrace.txt.xz")).with(load("qemu-log.txt.xz"), -123_456_789L);
        assertEquals(MergedTrace.OffsetSource.GIVEN, m.files().get(1).how());
        EventStore s = m.trace().events();
        long first = Long.MAX_VALUE;
        for (int i = 0; i < s.size(); i++) if (m.fileOf(i) == 1) first = Math.min(first, s.ts(i));
        assertEquals(Collections.min(qemuTimes()) - 123_456_789L, first);
    }

    @Test
    void qemuEventsLandOnTheHostsVcpuThreads() throws IOException {
        // host: CPU n/KVM-TID (TGID); QEMU: TID@… with the same thread ids
        java.util.Map<Integer, Integer> hostEvents = new java.util.TreeMap<>(), tgid = new java.util.HashMap<>(), vcpu = new java.util.HashMap<>();
        for (String l : hostEventLines()) {
            Matcher h = HOST_VCPU.matcher(l);
            if (!h.find()) continue;
            int tid = Integer.parseInt(h.group(2));
            hostEvents.merge(tid, 1, Integer::sum);
            tgid.put(tid, Integer.parseInt(h.group(3)));
            vcpu.put(tid, Integer.parseInt(h.group(1)));
        }
        java.util.Map<Integer, Integer> qemuEvents = new java.util.HashMap<>();
        for (String l : lines("qemu-log.txt.xz")) {
            Matcher m = QEMU_LINE.matcher(l);
            if (m.matches()) qemuEvents.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
        assertEquals(2, hostEvents.size());
        MergedTrace m = MergedTrace.single(load("host-ftrace.txt.xz")).with(load("qemu-log.txt.xz"), null);
        EventStore s = m.trace().events();
        TaskTable tasks = s.tasks();
        for (int tid : hostEvents.keySet()) {
            int t = tasks.indexOf(tid);
            assertEquals("CPU " + vcpu.get(tid) + "/KVM", tasks.comm(t));
            assertEquals((int) vcpu.get(tid), tasks.vcpu(t));
            assertEquals((int) tgid.get(tid), tasks.tgid(t));
            assertEquals(hostEvents.get(tid) + qemuEvents.getOrDefault(tid, 0), s.eventsOfTask(t).size(), "thread " + tid);
        }
        // the log's other thread is QEMU's main thread (the process id): vCPU ioctls made while setting up stay there
        int pid = tgid.values().iterator().next();
        assertEquals(java.util.Set.of(pid), qemuEvents.keySet().stream().filter(t -> !hostEvents.containsKey(t)).collect(java.util.stream.Collectors.toSet()));
        assertEquals((int) qemuEvents.get(pid), s.eventsOfTask(tasks.indexOf(pid)).size());
    }

    @Test
    void traceDatRecordsBecomeTheirTextSoTheStoreReadsAsText() throws IOException {
        Trace dat = load("host.trace.dat");
        MergedTrace m = MergedTrace.single(dat).with(load("qemu-log.txt.xz"), null);
        EventStore s = m.trace().events();
        assertNull(s.payloadRenderer());
        assertEquals(MergedTrace.OffsetSource.PROPOSED, m.files().get(1).how(), "mono against the wall-clock log");
        int k = 0;
        for (int i = 0; i < s.size(); i++) {
            if (m.fileOf(i) != 0) continue;
            assertEquals(dat.events().payloadString(k), s.payloadString(i));
            assertEquals(dat.events().eventName(k), s.eventName(i));
            assertEquals(dat.events().ts(k), s.ts(i));
            k++;
        }
        assertEquals(dat.events().size(), k);
    }

    @Test
    void aThirdFileKeepsTheFileIdsOfTheFirstTwo() throws IOException {
        MergedTrace two = MergedTrace.single(load("host-ftrace.txt.xz")).with(load("qemu-log.txt.xz"), null);
        MergedTrace three = two.with(load("host.trace.dat"), 0L);
        int[] perFile = new int[3];
        for (int i = 0; i < three.trace().events().size(); i++) perFile[three.fileOf(i)]++;
        assertEquals(hostEventLines().size(), perFile[0]);
        assertEquals(qemuTimes().size(), perFile[1]);
        assertEquals(load("host.trace.dat").events().size(), perFile[2]);
        assertEquals(List.of(0L, two.files().get(1).offsetNs(), 0L), three.files().stream().map(MergedTrace.File::offsetNs).toList());
    }

    /**
     * No bundled binary simpletrace has KVM exits, so this one case is built by hand: a QEMU file
     * whose records carry the process id, a kvm_run_exit naming cpu_index 0, and a host file whose
     * thread 100 is {@code CPU 0/KVM} of process 50.
     */
    @Test
    void simpletraceEventsNamingACpuIndexMoveOntoThatVcpusHostThread() {
        EventStoreBuilder h = new EventStoreBuilder();
        h.clock("mono", true);
        h.tasks.seen(100, h.comms.intern("CPU 0/KVM"), 10);
        h.tasks.tgid(100, 50);
        h.add(10, 0, 100, h.eventType("kvm_userspace_exit"), payload(h, "reason KVM_EXIT_IO (2)"));
        EventStoreBuilder q = new EventStoreBuilder();
        q.clock("mono", true);
        q.tasks.tgid(50, 50);
        q.add(11, -1, 50, q.eventType("kvm_run_exit"), payload(q, "cpu_index=0x0 reason=0x2"));
        q.add(12, -1, 50, q.eventType("apic_deliver_irq"), payload(q, "dest=0x0 dest_mode=0x0"));
        MergedTrace m = MergedTrace.single(new Trace("host", "ftrace", h.build("ftrace")))
                .with(new Trace("qemu", "qemu-simpletrace", q.build("qemu-simpletrace")), null);
        EventStore s = m.trace().events();
        assertEquals(List.of("kvm_userspace_exit", "kvm_run_exit", "apic_deliver_irq"), List.of(s.eventName(0), s.eventName(1), s.eventName(2)));
        assertEquals(100, s.tid(1), "the exit of vCPU 0 is on CPU 0/KVM");
        assertEquals(50, s.tid(2), "an event without cpu_index stays on the process");
        assertEquals(MergedTrace.OffsetSource.SAME_CLOCK, m.files().get(1).how());
    }

    private static long payload(EventStoreBuilder b, String text) {
        byte[] t = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return b.payload(t, 0, t.length);
    }
}
