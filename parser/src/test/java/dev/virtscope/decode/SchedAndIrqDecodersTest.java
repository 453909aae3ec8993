package dev.virtscope.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/** Field decoding of real payloads, checked against the same events printed another way. */
class SchedAndIrqDecodersTest {
    private static final Pattern KERNEL_SWITCH = Pattern.compile(
            "prev_comm=(.*) prev_pid=(\\d+) prev_prio=(\\d+) prev_state=(\\S+) ==> next_comm=(.*) next_pid=(\\d+) next_prio=(\\d+)");

    private static EventStore load(String sample) throws IOException {
        return TraceLoader.standard().load(Samples.path(sample)).events();
    }

    @Test
    void kernelSchedSwitchMatchesARegexReadingOfTheSamePayload() throws IOException {
        EventStore s = load("generated/ftrace/trace-kvm-sched-6.18.txt.xz");
        int type = s.typeId("sched_switch");
        int checked = 0, withSpace = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.type(i) != type) continue;
            Matcher m = KERNEL_SWITCH.matcher(s.payloadString(i));
            assertTrue(m.matches(), s.payloadString(i));
            EventFields f = FieldDecoders.decode(s, i);
            assertEquals(m.group(1), f.text("prev_comm"));
            assertEquals(Long.parseLong(m.group(2)), f.number("prev_pid"));
            assertEquals(Long.parseLong(m.group(3)), f.number("prev_prio"));
            assertEquals(m.group(4), f.text("prev_state"));
            assertEquals(m.group(5), f.text("next_comm"));
            assertEquals(Long.parseLong(m.group(6)), f.number("next_pid"));
            assertEquals(Long.parseLong(m.group(7)), f.number("next_prio"));
            if (m.group(1).contains(" ") || m.group(5).contains(" ")) withSpace++;
            checked++;
        }
        assertEquals(s.countOfType(type), checked);
        assertTrue(withSpace > 0, "the sample switches to and from 'CPU 0/KVM'");
    }

    /** trace-cmd report (plugin form) and report -R (raw fields) print the same events in the same order. */
    @Test
    void pluginSchedSwitchAgreesWithTraceCmdRawOutput() throws IOException {
        EventStore plugin = load("generated/trace-cmd/report-3.1.6-default.txt.xz");
        EventStore raw = load("generated/trace-cmd/report-3.1.6-R-raw.txt.xz");
        assertEquals(raw.size(), plugin.size());
        int type = plugin.typeId("sched_switch");
        int checked = 0;
        for (int i = 0; i < plugin.size(); i++) {
            if (plugin.type(i) != type) continue;
            EventFields p = FieldDecoders.decode(plugin, i);
            EventFields r = FieldDecoders.decode(raw, i);
            for (String k : new String[] {"prev_comm", "prev_pid", "prev_prio", "next_comm", "next_pid", "next_prio"}) {
                assertEquals(r.text(k), p.text(k), k + " of event " + i);
            }
            assertEquals(r.number("next_pid"), p.number("next_pid"));
            checked++;
        }
        assertTrue(checked > 500);
    }

    @Test
    void wakeupAndIrqEvents() throws IOException {
        EventStore s = load("public/tracecompass-incubator/trace-critical-path");
        // "      Compositor-3487  [000] d.h. 26186.336630: irq_handler_entry: irq=28 name=radeon"
        int entry = first(s, "irq_handler_entry");
        EventFields e = FieldDecoders.decode(s, entry);
        assertEquals(28, e.number("irq"));
        assertEquals("radeon", e.text("name"));
        EventFields x = FieldDecoders.decode(s, first(s, "irq_handler_exit"));
        assertEquals("handled", x.text("ret"));
        // "     Web Content-2711  [003] d... 26186.336632: sched_waking: comm=Timer pid=2745 prio=120 target_cpu=001"
        EventFields w = FieldDecoders.decode(s, first(s, "sched_waking"));
        assertEquals("Timer", w.text("comm"));
        assertEquals(2745, w.number("pid"));
        assertEquals(1, w.number("target_cpu"));

        EventStore a = load("public/tracecompass-incubator/trace-android-sched-irq");
        int type = a.typeId("softirq_raise");
        Pattern vec = Pattern.compile("vec=(\\d+) \\[action=(\\w+)\\]");
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.type(i) != type) continue;
            Matcher m = vec.matcher(a.payloadString(i));
            assertTrue(m.matches());
            EventFields f = FieldDecoders.decode(a, i);
            assertEquals(Long.parseLong(m.group(1)), f.number("vec"));
            assertEquals(m.group(2), f.text("action"));
            n++;
        }
        assertTrue(n > 0);
    }

    @Test
    void keyValueFallbackOnRealPayloads() throws IOException {
        EventStore eq = load("public/trappy/trace_equals.txt");
        // "bputs:                0xffff0000080feeb8s: equals_event: my_field=foo=bar"
        EventFields f = FieldDecoders.decode(eq, 1);
        assertEquals("0xffff0000080feeb8s: equals_event:", f.text("text"));
        assertEquals("foo=bar", f.text("my_field"));

        EventStore st = load("public/trappy/trace_empty.txt");
        // "sched_stat_runtime:   comm=trace-cmd pid=2461 runtime=7778999 [ns] vruntime=6087430069 [ns]"
        EventFields r = FieldDecoders.decode(st, 0);
        assertEquals("7778999 [ns]", r.text("runtime"));
        assertEquals(7778999, r.number("runtime"));
        assertEquals(6087430069L, r.number("vruntime"));

        EventStore pio = load("generated/ftrace/trace-kvm-sched-6.18.txt.xz");
        // "kvm_pio: pio_write at 0x70 size 1 count 1 val 0x8f ": no pairs, the text stays whole
        dev.virtscope.store.Payload pl = new dev.virtscope.store.Payload();
        pio.payload(first(pio, "kvm_pio"), pl);
        EventFields p = new EventFields();
        KeyValueDecoder.INSTANCE.decode(pl.bytes, pl.start, pl.end, p);
        assertEquals(1, p.size());
        assertEquals("pio_write at 0x70 size 1 count 1 val 0x8f ", p.text("payload"));
    }

    private static int first(EventStore s, String name) {
        int t = s.typeId(name);
        for (int i = 0; i < s.size(); i++) if (s.type(i) == t) return i;
        throw new AssertionError("no " + name);
    }
}
