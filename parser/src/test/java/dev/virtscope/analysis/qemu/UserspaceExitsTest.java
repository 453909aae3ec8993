package dev.virtscope.analysis.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.TaskTable;

/** Time in QEMU per KVM exit, on a real QEMU 7.2 log-backend trace of a 2-vCPU KVM guest. */
class UserspaceExitsTest {
    static final Pattern LINE = Pattern.compile("^(\\d+)@(\\d+)\\.(\\d{6}):(\\w+) (.*)$");
    static final Pattern EXIT = Pattern.compile("cpu_index (\\d+), reason (\\d+)");
    static final Pattern IOCTL = Pattern.compile("cpu_index (\\d+), type 0x([0-9a-f]+),");

    @Test
    void exitToNextKvmRunOfTheSameVcpu() throws IOException {
        Path f = Samples.path("generated/qemu-log/qemu-log-backend-timestamp.txt");
        EventStore s = TraceLoader.standard().load(f).events();
        UserspaceExits x = UserspaceExits.of(s);

        // independent expectation: a regex walk over the file's lines
        Map<Integer, long[]> pending = new HashMap<>();
        List<long[]> expected = new ArrayList<>(); // start µs, end µs, vcpu, reason
        Map<Integer, Integer> tidToVcpu = new HashMap<>();
        for (String line : Files.readAllLines(f)) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            long us = Long.parseLong(m.group(2)) * 1_000_000 + Long.parseLong(m.group(3));
            if (m.group(4).equals("kvm_run_exit")) {
                Matcher a = EXIT.matcher(m.group(5));
                assertTrue(a.matches());
                int v = Integer.parseInt(a.group(1));
                pending.put(v, new long[]{us, Long.parseLong(a.group(2))});
                tidToVcpu.put(Integer.parseInt(m.group(1)), v);
            } else if (m.group(4).equals("kvm_vcpu_ioctl")) {
                Matcher a = IOCTL.matcher(m.group(5));
                assertTrue(a.lookingAt(), line);
                int v = Integer.parseInt(a.group(1));
                if (a.group(2).equals("ae80")) tidToVcpu.put(Integer.parseInt(m.group(1)), v); // KVM_RUN: on the vCPU thread
                long[] p = pending.remove(v);
                if (p != null && a.group(2).equals("ae80")) expected.add(new long[]{p[0], us, v, p[1]});
                else if (p != null) pending.put(v, p);
            }
        }
        assertTrue(expected.size() > 100);
        assertEquals(expected.size(), x.size());
        for (int i = 0; i < x.size(); i++) {
            long[] e = expected.get(i);
            assertEquals(e[0] * 1000, x.start(i), "start " + i);
            assertEquals(e[1] * 1000, x.end(i), "end " + i);
            assertEquals(e[2], x.vcpu(i));
            assertEquals(e[3], x.reason(i));
        }
        long ioExits = expected.stream().filter(e -> e[3] == 2).count();
        assertEquals(ioExits, x.durationsOf(KvmExitReason.of("KVM_EXIT_IO")).length);

        // vCPU threads learnt from the log prefixes
        TaskTable tasks = s.tasks();
        assertEquals(2, tidToVcpu.size());
        for (Map.Entry<Integer, Integer> e : tidToVcpu.entrySet()) {
            assertEquals((int) e.getValue(), tasks.vcpu(tasks.indexOf(e.getKey())), "tid " + e.getKey());
        }
    }

    @Test
    void exitReasonNamesFollowLinuxKvmH() {
        assertEquals("IO", KvmExitReason.name(2));
        assertEquals("HLT", KvmExitReason.name(5));
        assertEquals("IRQ_WINDOW_OPEN", KvmExitReason.name(7));
        assertEquals("INTR", KvmExitReason.name(10));
        assertEquals("SYSTEM_EVENT", KvmExitReason.name(24));
        assertEquals("MEMORY_FAULT", KvmExitReason.name(39));
        assertEquals("UNKNOWN_REASON_99", KvmExitReason.name(99));
        assertEquals(6, KvmExitReason.of("KVM_EXIT_MMIO"));
    }
}
