package dev.virtscope.format.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.TaskTable;

/**
 * Fields of specific real lines, with the expected values read off the line by hand (quoted above
 * each check): comm with spaces, tgid, every clock's timestamp in exact ns, payloads kept byte-exact.
 */
class FtraceLineFieldsTest {

    private static EventStore load(String sample) throws IOException {
        return TraceLoader.standard().load(Samples.path(sample)).events();
    }

    /** The event of type name by tid at ts. */
    private static int find(EventStore s, long ts, int tid, String name) {
        for (int i = s.firstAtOrAfter(ts); i < s.size() && s.ts(i) == ts; i++) {
            if (s.tid(i) == tid && s.eventName(i).equals(name)) return i;
        }
        fail("no " + name + " of " + tid + " at " + ts);
        return -1;
    }

    @Test
    void kernelTraceWithFiveFlagCharsAndCommWithSpace() throws IOException {
        EventStore s = load("generated/ftrace/trace-kvm-sched-6.18.txt.xz");
        assertEquals("ftrace", s.format());
        assertTrue(s.nsClock());
        // "       CPU 0/KVM-627     [000] d..2.  1023.033650: sched_waking: comm=qemu-system-x86 pid=625 prio=120 target_cpu=000"
        int i = find(s, 1_023_033_650_000L, 627, "sched_waking");
        assertEquals(0, s.cpu(i));
        assertEquals("CPU 0/KVM", s.comm(i));
        assertEquals("comm=qemu-system-x86 pid=625 prio=120 target_cpu=000", s.payloadString(i));
        // "       CPU 0/KVM-627     [001] .....  1023.072240: kvm_pio: pio_write at 0x70 size 1 count 1 val 0x8f " (trailing space kept)
        int p = find(s, 1_023_072_240_000L, 627, "kvm_pio");
        assertEquals(1, s.cpu(p));
        assertEquals("pio_write at 0x70 size 1 count 1 val 0x8f ", s.payloadString(p));
        TaskTable t = s.tasks();
        int vcpu = t.indexOf(627);
        assertEquals(0, t.vcpu(vcpu));
        // header "# entries-in-buffer/entries-written: 18308/18308   #P:2": nothing overwritten
        assertEquals(2, s.cpuCount());
        assertEquals(0, s.lost().size());
        // no tgid column: the vCPU is attributed to the qemu thread just below it (documented heuristic)
        assertEquals(625, t.tgid(vcpu));
        assertEquals("qemu-system-x86", t.comm(t.indexOf(625)));
    }

    @Test
    void tgidColumn() throws IOException {
        EventStore s = load("generated/ftrace/trace-variant-tgid.txt");
        // "       CPU 0/KVM-1976    (   1971) [000] .....  1043.691427: kvm_userspace_exit: reason restart (4)"
        int i = find(s, 1_043_691_427_000L, 1976, "kvm_userspace_exit");
        assertEquals("reason restart (4)", s.payloadString(i));
        assertEquals(1971, s.tasks().tgid(s.tasks().indexOf(1976)));
    }

    @Test
    void integerClocksAreRawCounts() throws IOException {
        EventStore tsc = load("generated/ftrace/trace-variant-x86tsc.txt");
        assertFalse(tsc.nsClock());
        // "       CPU 0/KVM-2006    [000] ..... 2090655426256: kvm_userspace_exit: reason restart (4)"
        find(tsc, 2_090_655_426_256L, 2006, "kvm_userspace_exit");
        EventStore counter = load("generated/ftrace/trace-variant-counter.txt");
        assertFalse(counter.nsClock());
        // "       CPU 0/KVM-2015    [001] .....           17: kvm_userspace_exit: reason restart (4)"
        assertEquals(1, counter.cpu(find(counter, 17, 2015, "kvm_userspace_exit")));
    }

    @Test
    void noIrqInfoColumn() throws IOException {
        EventStore s = load("generated/ftrace/trace-variant-noirqinfo.txt");
        // "       CPU 0/KVM-1860    [001]   1042.152289: kvm_userspace_exit: reason restart (4)"
        assertEquals(1, s.cpu(find(s, 1_042_152_289_000L, 1860, "kvm_userspace_exit")));
    }

    @Test
    void latencyFormats() throws IOException {
        EventStore lat = load("generated/ftrace/trace-variant-latencyformat.txt");
        // "CPU 0/KV-2028      0..... 72499us!: kvm_userspace_exit: reason restart (4)": µs since the trace start
        int i = find(lat, 72_499_000L, 2028, "kvm_userspace_exit");
        assertEquals(0, lat.cpu(i));
        assertEquals("reason restart (4)", lat.payloadString(i));
        EventStore verbose = load("generated/ftrace/trace-variant-latency-verbose.txt");
        // "       CPU 0/KVM    2082   0 0 00000000 0000000f [3e958774] 106.924ms (+0.098ms): kvm_userspace_exit: reason restart (4)"
        int v = find(verbose, 0x3e958774L * 1000, 2082, "kvm_userspace_exit");
        assertEquals("CPU 0/KVM", verbose.comm(v));
        assertEquals(0, verbose.tasks().vcpu(verbose.tasks().indexOf(2082)));
    }

    @Test
    void overwrittenEntriesBecomeOneMarker() throws IOException {
        EventStore s = load("generated/ftrace/trace-variant-smallbuf.txt");
        // "# entries-in-buffer/entries-written: 136/2248   #P:2"
        assertEquals(1, s.lost().size());
        assertEquals(2248 - 136, s.lost().count(0));
        assertEquals(dev.virtscope.store.LostEvents.Kind.OVERWRITTEN, s.lost().kind(0));
        assertEquals(s.firstNs(), s.lost().ts(0));
    }

    @Test
    void androidCommsAndUnknownComm() throws IOException {
        EventStore s = load("public/tracecompass-incubator/trace-android-sched-irq");
        // "   Binder:1579_9-2418  [000] d..5   108.255661: sched_wakeup: comm=Binder:1579_1 pid=1590 …"
        int i = find(s, 108_255_661_000L, 2418, "sched_wakeup");
        assertEquals("Binder:1579_9", s.comm(i));
        // the woken task's comm is learnt from the payload
        assertEquals("Binder:1579_1", s.tasks().comm(s.tasks().indexOf(1590)));
        // "# entries-in-buffer/entries-written: 69657/223807   #P:2"
        assertEquals(223807 - 69657, s.lost().totalKnownLost());
    }

    @Test
    void syscallTracerLinesAreEvents() throws IOException {
        EventStore s = load("public/tracecompass-incubator/ftrace_syscalls.txt");
        // "           <...>-4083  [004] ....   395.705679: sys_ioctl(fd: ff, cmd: 5410, arg: 7ffe0babe8fc)"
        int i = find(s, 395_705_679_000L, 4083, "sys_enter_ioctl");
        assertEquals("sys_ioctl(fd: ff, cmd: 5410, arg: 7ffe0babe8fc)", s.payloadString(i));
        // "           <...>-4083  [004] ....   395.705673: sys_rt_sigprocmask -> 0x0"
        find(s, 395_705_673_000L, 4083, "sys_exit_rt_sigprocmask");
    }

    @Test
    void traceCmdReportVariants() throws IOException {
        EventStore def = load("generated/trace-cmd/report-3.1.6-default.txt.xz");
        assertEquals("trace-cmd-report", def.format());
        assertEquals(2, def.cpuCount());
        // "kvmsample:        CPU 0/KVM-5680  [001]  1067.489091: kvm_pio:              pio_write at 0x402 size 1 count 1 val 0x65 "
        int i = find(def, 1_067_489_091_000L, 5680, "kvm_pio");
        assertEquals("pio_write at 0x402 size 1 count 1 val 0x65 ", def.payloadString(i));
        assertEquals("CPU 0/KVM", def.comm(i));
        // plugin sched_switch "bash:5670 [120] S ==> rcu_preempt:15 [120]" names pid 15
        assertEquals("rcu_preempt", def.tasks().comm(def.tasks().indexOf(15)));

        EventStore ns = load("generated/trace-cmd/report-3.1.6-t-nsec.txt.xz");
        // "kvmsample:        CPU 0/KVM-5680  [001]  1067.485693065: kvm_pio:              pio_write at 0x70 …"
        find(ns, 1_067_485_693_065L, 5680, "kvm_pio");

        EventStore lat = load("generated/trace-cmd/report-3.1.6-l-latency.txt.xz");
        // "kvmsample: CPU 0/KV-5680    1.....  1067.485693: kvm_pio: …": the cut comm does not replace the full one
        int l = find(lat, 1_067_485_693_000L, 5680, "kvm_pio");
        assertEquals(1, lat.cpu(l));
        assertEquals("CPU 0/KVM", lat.tasks().comm(lat.tasks().indexOf(5680)));

        EventStore diff = load("generated/trace-cmd/report-3.1.6-ts-diff.txt.xz");
        // "kvmsample:        CPU 0/KVM-5680  [001]  1067.489091: (+18)    kvm_pio:              pio_write at 0x402 …"
        assertEquals("pio_write at 0x402 size 1 count 1 val 0x65 ", diff.payloadString(find(diff, 1_067_489_091_000L, 5680, "kvm_pio")));
    }

    @Test
    void failedToParseLinesAreKept() throws IOException {
        EventStore s = load("public/trappy/trace_failed_to_parse.txt");
        // "     kworker/5:2-1497  [005]   454.414603: thermal_power_cpu_get_power: [FAILED TO PARSE] cpumask=ARRAY[0f, …"
        int i = find(s, 454_414_603_000L, 1497, "thermal_power_cpu_get_power");
        assertTrue(s.payloadString(i).startsWith("[FAILED TO PARSE] cpumask=ARRAY[0f, 00,"));
        assertEquals("kworker/5:2", s.comm(i));
    }
}
