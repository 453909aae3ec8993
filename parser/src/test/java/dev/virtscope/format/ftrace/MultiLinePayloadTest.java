package dev.virtscope.format.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/**
 * A trace_printk text holding a newline is printed by trace-cmd report over two lines, the second
 * indented ({@code " gid=4"} in trappy's raw_trace.dat report): it belongs to the bprint event above it.
 */
class MultiLinePayloadTest {
    @Test
    void indentedLineAfterBprintContinuesItsText() throws Exception {
        EventStore s = TraceLoader.standard().load(Samples.path("public/trappy/raw_trace.dat.report.txt.xz")).events();
        assertEquals(0, s.warnings().count());
        assertEquals("bprint", s.eventName(0));
        assertEquals("select_task_rq_fair: fig: cpu=0\n gid=4", s.payloadString(0));
        assertEquals("select_task_rq_fair: fig: cpu=5\n gid=1", s.payloadString(1));
        assertEquals("sched_switch", s.eventName(2));
    }
}
