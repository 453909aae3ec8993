package dev.virtscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The store's contract: time order (stable), per-CPU/per-task indexes, lazy payloads, comm history. */
class EventStoreTest {

    private static long payload(EventStoreBuilder b, String s) {
        byte[] x = s.getBytes(StandardCharsets.UTF_8);
        return b.payload(x, 0, x.length);
    }

    @Test
    void sortsStablyByTimeAndIndexesPerCpuAndTask() {
        EventStoreBuilder b = new EventStoreBuilder();
        int sw = b.eventType("sched_switch");
        int ex = b.eventType("kvm_exit");
        // per-CPU buffers merged out of order, with a tie at t=20 that must keep input order
        b.add(30, 1, 101, ex, payload(b, "c"));
        b.add(10, 0, 100, sw, payload(b, "a"));
        b.add(20, 0, 100, ex, payload(b, "b1"));
        b.add(20, 1, 101, sw, payload(b, "b2"));
        EventStore s = b.build("test");

        assertEquals(4, s.size());
        assertEquals(10, s.ts(0));
        assertEquals("b1", s.payloadString(1));
        assertEquals("b2", s.payloadString(2));
        assertEquals("c", s.payloadString(3));
        assertEquals(2, s.countOfType(s.typeId("kvm_exit")));
        assertEquals(-1, s.typeId("nope"));

        IntSlice cpu1 = s.eventsOnCpu(1);
        assertEquals(2, cpu1.size());
        assertEquals(2, cpu1.get(0));
        assertEquals(3, cpu1.get(1));
        IntSlice t100 = s.eventsOfTask(s.tasks().indexOf(100));
        assertEquals(2, t100.size());
        assertEquals(0, t100.get(0));
        assertEquals(2, s.cpuCount());
        assertEquals(1, s.firstAtOrAfter(20));
        assertEquals(4, s.firstAtOrAfter(31));
    }

    @Test
    void payloadArenaKeepsEmptyAndLargePayloads() {
        EventStoreBuilder b = new EventStoreBuilder();
        int t = b.eventType("x");
        String big = "y".repeat(PayloadArena.PAGE_SIZE + 10);
        b.add(1, 0, 1, t, payload(b, ""));
        b.add(2, 0, 1, t, payload(b, big));
        b.add(3, 0, 1, t, payload(b, "after"));
        EventStore s = b.build("test");
        assertEquals("", s.payloadString(0));
        assertEquals(big.length(), s.payloadString(1).length());
        assertEquals("after", s.payloadString(2));
    }

    @Test
    void commHistoryAnswersTheNameAtEachTime() {
        EventStoreBuilder b = new EventStoreBuilder();
        int t = b.eventType("x");
        b.tasks.seen(7, b.comms.intern("bash"), 100);
        b.tasks.seen(7, b.comms.intern("CPU 1/KVM"), 200);
        b.add(150, 0, 7, t, payload(b, ""));
        b.add(250, 0, 7, t, payload(b, ""));
        EventStore s = b.build("test");
        assertEquals("bash", s.comm(0));
        assertEquals("CPU 1/KVM", s.comm(1));
        int task = s.tasks().indexOf(7);
        assertEquals(1, s.tasks().vcpu(task));
        assertTrue(s.tasks().isVcpu(task));
    }

    @Test
    void retainsAtMost32BytesPerEventForColumnsAndIndexes() {
        EventStoreBuilder b = new EventStoreBuilder();
        int t = b.eventType("x");
        int n = 100_000;
        long ref = payload(b, "p");
        for (int i = 0; i < n; i++) b.add(i, i % 4, 1000 + i % 50, t, ref);
        EventStore s = b.build("test");
        double perEvent = (double) s.retainedIndexBytes() / n;
        assertTrue(perEvent <= 32.1, "bytes per event " + perEvent);
    }
}
