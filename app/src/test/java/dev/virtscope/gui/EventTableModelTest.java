package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/** The Events tab's Payload column shows text, also for trace.dat's binary records. */
class EventTableModelTest {
    @Test
    void traceDatPayloadsAreTheKernelsTextNotTheRecordBytes() throws IOException {
        EventStore s = TraceLoader.standard().load(Samples.path("generated/trace-cmd/kvm-sched-irq-timer-v7-zstd.dat")).events();
        EventTableModel m = new EventTableModel(s, TimeText.of(s));
        int switches = 0;
        for (int i = 0; i < s.size(); i++) {
            String text = m.payload(i);
            // the renderer itself is checked against the kernel's own text in TraceDatSameBufferTextTest
            assertEquals(s.payloadString(i), text, "row " + i);
            for (int k = 0; k < text.length(); k++) assertTrue(text.charAt(k) >= 0x20 && text.charAt(k) != 0x7f, "row " + i + " holds a control byte: " + text);
            if (s.eventName(i).equals("sched_switch")) {
                assertTrue(text.startsWith("prev_comm="), "sched_switch as the kernel prints it: " + text);
                switches++;
            }
        }
        assertTrue(switches > 0, "the sample has sched_switch events");
    }
}
