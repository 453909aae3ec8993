package dev.virtscope.format.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoders;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LoadOptions;

/**
 * One QEMU 8.2.0 run (TCG guest, full Linux boot) traced by the simple and log backends at once:
 * 212,700 events as a binary simpletrace, as simpletrace.py's text of that binary, and as the
 * log backend's text. The three importers must tell the same story, and agree with
 * simpletrace.py's own output, read here by a plain independent split of its lines.
 */
class QemuFullbootSampleTest {
    static final String DIR = "generated/qemu-simpletrace/tcg-linux-smp2-fullboot/";
    static EventStore binary, text, log;
    /** simpletrace.py's lines, split with String.split: name, delta text, pid, args */
    static List<String[]> reference = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        LoadOptions opts = new LoadOptions(List.of(Samples.path("generated/qemu-simpletrace/trace-events-all-8.2.0")));
        TraceLoader loader = TraceLoader.standard();
        binary = loader.load(Samples.path(DIR + "trace-20268.xz"), opts, LoadMonitor.NONE).events();
        text = loader.load(Samples.path(DIR + "simpletrace-output.txt.xz"), opts, LoadMonitor.NONE).events();
        log = loader.load(Samples.path(DIR + "log-backend.txt.xz"), opts, LoadMonitor.NONE).events();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new XZCompressorInputStream(java.nio.file.Files.newInputStream(Samples.path(DIR + "simpletrace-output.txt.xz"))),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] w = line.split(" ", 4);
                reference.add(new String[]{w[0], w[1], w[2].substring("pid=".length()), w.length > 3 ? w[3].strip() : ""});
            }
        }
    }

    @Test
    void formatsAreDetectedByContent() {
        assertEquals("qemu-simpletrace", binary.format());
        assertEquals("qemu-simpletrace-text", text.format());
        assertEquals("qemu-log", log.format());
        assertEquals("mono", binary.clock());
        assertEquals("relative", text.clock());
        assertEquals("realtime", log.clock());
    }

    @Test
    void countsPerEventTypeMatchTheProvenanceList() {
        // from samples/generated/PROVENANCE.md, written when the sample was captured
        Map<String, Long> expected = Map.ofEntries(Map.entry("apic_deliver_irq", 1530L), Map.entry("apic_local_deliver", 1919L),
                Map.entry("apic_mem_readl", 670L), Map.entry("apic_mem_writel", 5292L), Map.entry("ioapic_mem_read", 260L),
                Map.entry("ioapic_mem_write", 549L), Map.entry("ioapic_set_irq", 50448L), Map.entry("pic_interrupt", 7L),
                Map.entry("pic_ioport_read", 25L), Map.entry("pic_ioport_write", 90L), Map.entry("pic_set_irq", 50762L),
                Map.entry("pic_update_irq", 20L), Map.entry("x86_gsi_interrupt", 50448L), Map.entry("x86_pic_interrupt", 50529L));
        for (EventStore s : new EventStore[]{binary, text, log}) {
            assertEquals(212_700, s.size(), s.format());
            long fwCfg = 0;
            for (int t = 0; t < s.eventNames().size(); t++) {
                String name = s.eventNames().get(t);
                if (name.startsWith("fw_cfg_")) fwCfg += s.countOfType(t);
                else assertEquals(expected.get(name), s.countOfType(t), s.format() + " " + name);
            }
            assertEquals(151, fwCfg, s.format() + " fw_cfg_*");
            assertEquals(0, s.warnings().count(), s.format());
            assertEquals(0, s.lost().size(), s.format());
        }
    }

    @Test
    void binaryMatchesSimpletracePyLineByLine() {
        for (int i = 0; i < binary.size(); i++) {
            String[] ref = reference.get(i);
            assertEquals(ref[0], binary.eventName(i), "name of record " + i);
            assertEquals(Integer.parseInt(ref[2]), binary.tid(i), "pid of record " + i);
            long delta = i == 0 ? 0 : binary.ts(i) - binary.ts(i - 1);
            assertEquals(ref[1], String.format(Locale.ROOT, "%.3f", delta / 1000.0), "delta of record " + i);
            assertEquals(ref[3], binary.payloadString(i), "arguments of record " + i);
        }
    }

    @Test
    void textRebuildsTheBinaryTimesRelativeToTheFirstRecordWithoutDrift() {
        long t0 = binary.ts(0);
        for (int i = 0; i < text.size(); i++) {
            assertEquals(binary.ts(i) - t0, text.ts(i), "time of record " + i);
            assertEquals(binary.eventName(i), text.eventName(i));
            assertEquals(binary.tid(i), text.tid(i));
            assertEquals(binary.payloadString(i), text.payloadString(i));
        }
    }

    @Test
    void logBackendHasTheSameEventsAndArgumentValues() {
        Map<Integer, Integer> perTid = new HashMap<>();
        for (int i = 0; i < log.size(); i++) {
            assertEquals(binary.eventName(i), log.eventName(i), "name of record " + i);
            perTid.merge(log.tid(i), 1, Integer::sum);
            EventFields fromLog = FieldDecoders.decode(log, i);
            EventFields fromBinary = FieldDecoders.decode(binary, i);
            assertEquals(fromBinary.size(), fromLog.size(), "fields of " + i + ": " + log.payloadString(i) + " vs " + binary.payloadString(i));
            for (EventFields.Field f : fromBinary.all()) {
                EventFields.Field g = fromLog.get(f.name());
                if (f.isNumber()) {
                    assertTrue(g.isNumber(), f.name() + " of " + i);
                    assertTrue(sameValue(f.number(), g.number()), f.name() + " of " + i + ": " + log.payloadString(i) + " vs " + binary.payloadString(i));
                } else {
                    assertEquals(f.text(), g.text(), f.name() + " of " + i);
                }
            }
        }
        // the thread ids of the log prefixes (counted from the file with cut | sort | uniq -c)
        assertEquals(Map.of(20268, 4780, 20275, 157257, 20276, 50663), perTid);
    }

    /** The binary stores every integer as u64; printf may print a narrower type or a sign-extended one. */
    private static boolean sameValue(long u64, long printed) {
        return u64 == printed || (u64 & 0xffffffffL) == (printed & 0xffffffffL) && (u64 >>> 32 == 0 || u64 >>> 32 == 0xffffffffL);
    }

    @Test
    void missingTraceEventsFileIsAClearError() {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> TraceLoader.standard().load(Samples.path(DIR + "trace-20268.xz")));
        assertTrue(e.getMessage().contains("trace-events-all"), e.getMessage());
        assertTrue(e.getMessage().contains("/usr/share/qemu/trace-events-all"), e.getMessage());
        assertTrue(e.getMessage().contains("--trace-events"), e.getMessage());
    }

    static Path sample(String p) {
        return Samples.path(p);
    }
}
