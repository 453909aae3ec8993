package dev.virtscope.format.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.IntSlice;
import dev.virtscope.store.LostEvents;
import dev.virtscope.store.TaskTable;

/** Asserts that two stores hold the same trace: every column, index, name, task, lost marker and warning. */
final class SameStore {
    private SameStore() {
    }

    static void assertSame(EventStore want, EventStore got, String what) {
        assertEquals(want.size(), got.size(), what + ": events");
        assertEquals(want.clock(), got.clock(), what + ": clock");
        assertEquals(want.nsClock(), got.nsClock(), what + ": ns clock");
        assertEquals(want.cpuCount(), got.cpuCount(), what + ": CPUs");
        assertEquals(want.eventNames().size(), got.eventNames().size(), what + ": event names");
        for (int t = 0; t < want.eventNames().size(); t++) assertEquals(want.eventNames().get(t), got.eventNames().get(t), what + ": type " + t);
        for (int i = 0; i < want.size(); i++) {
            String at = what + ": event " + i;
            assertEquals(want.ts(i), got.ts(i), at);
            assertEquals(want.cpu(i), got.cpu(i), at);
            assertEquals(want.tid(i), got.tid(i), at);
            assertEquals(want.type(i), got.type(i), at);
            assertEquals(want.payloadString(i), got.payloadString(i), at);
            assertEquals(want.comm(i), got.comm(i), at);
        }
        for (int c = 0; c < want.cpuCount(); c++) assertSlice(want.eventsOnCpu(c), got.eventsOnCpu(c), what + ": CPU " + c);
        TaskTable wt = want.tasks(), gt = got.tasks();
        assertEquals(wt.size(), gt.size(), what + ": tasks");
        assertEquals(wt.comms().size(), gt.comms().size(), what + ": comms");
        for (int k = 0; k < wt.comms().size(); k++) assertEquals(wt.comms().get(k), gt.comms().get(k), what + ": comm " + k);
        for (int t = 0; t < wt.size(); t++) {
            String at = what + ": task " + t;
            assertEquals(wt.tid(t), gt.tid(t), at);
            assertEquals(wt.comm(t), gt.comm(t), at);
            assertEquals(wt.tgid(t), gt.tgid(t), at);
            assertEquals(wt.vcpu(t), gt.vcpu(t), at);
            assertEquals(wt.commHistorySize(t), gt.commHistorySize(t), at);
            assertSlice(want.eventsOfTask(t), got.eventsOfTask(t), at);
        }
        LostEvents wl = want.lost(), gl = got.lost();
        assertEquals(wl.size(), gl.size(), what + ": lost markers");
        for (int i = 0; i < wl.size(); i++) {
            String at = what + ": lost marker " + i;
            assertEquals(wl.ts(i), gl.ts(i), at);
            assertEquals(wl.cpu(i), gl.cpu(i), at);
            assertEquals(wl.count(i), gl.count(i), at);
            assertEquals(wl.kind(i), gl.kind(i), at);
            assertEquals(wl.line(i), gl.line(i), at);
        }
        assertEquals(want.warnings().count(), got.warnings().count(), what + ": warnings");
        assertEquals(want.warnings().kept(), got.warnings().kept(), what + ": warnings kept");
    }

    private static void assertSlice(IntSlice want, IntSlice got, String what) {
        assertEquals(want.size(), got.size(), what);
        for (int k = 0; k < want.size(); k++) assertEquals(want.get(k), got.get(k), what + " #" + k);
    }
}
