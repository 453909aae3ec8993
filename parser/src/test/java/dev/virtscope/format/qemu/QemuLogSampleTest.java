package dev.virtscope.format.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.virtscope.Samples;
import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoders;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LoadOptions;

/** QEMU 7.2 log backend files (KVM guest) with and without {@code -msg timestamp=on}, and the 10.1+ ISO prefix. */
class QemuLogSampleTest {
    static final LoadOptions EVENTS = new LoadOptions(List.of(Samples.path("generated/qemu-simpletrace/trace-events-all-8.2.0")));

    @TempDir
    Path dir;

    private static long linesStartingWith(Path f, String token) throws IOException {
        return Files.readAllLines(f).stream().filter(l -> l.startsWith(token) || l.contains(":" + token)).count();
    }

    @Test
    void timestampedLinesGiveThreadIdsAndWallClockMicroseconds() throws IOException {
        Path f = Samples.path("generated/qemu-log/qemu-log-backend-timestamp.txt");
        EventStore s = TraceLoader.standard().load(f, EVENTS, LoadMonitor.NONE).events();
        assertEquals("qemu-log", s.format());
        assertEquals(Files.readAllLines(f).size(), s.size());
        assertEquals(linesStartingWith(f, "kvm_run_exit "), s.countOfType(s.typeId("kvm_run_exit")));
        assertEquals(0, s.warnings().count());
        // first line: 7803@1795315179.867484:kvm_vm_ioctl type 0xae03, arg 0x9
        assertEquals(7803, s.tid(0));
        assertEquals(1_795_315_179_867_484_000L, s.ts(0));
        EventFields f0 = FieldDecoders.decode(s, 0);
        assertEquals(0xae03, f0.number("type"));
        assertEquals(9, f0.number("arg"));
        int exit = s.typeId("kvm_run_exit");
        for (int i = 0; i < s.size(); i++) {
            if (s.type(i) != exit) continue;
            EventFields x = FieldDecoders.decode(s, i);
            assertTrue(x.number("cpu_index") >= 0 && x.number("cpu_index") < 2, s.payloadString(i));
            assertTrue(x.number("reason") >= 0, s.payloadString(i));
        }
    }

    @Test
    void withoutTimestampsEventsKeepFileOrderOnASequenceClock() throws IOException {
        Path f = Samples.path("generated/qemu-log/qemu-log-backend-notimestamp.txt");
        EventStore s = TraceLoader.standard().load(f).events();
        assertEquals("qemu-log", s.format());
        assertEquals("sequence", s.clock());
        assertEquals(Files.readAllLines(f).size(), s.size());
        assertEquals(linesStartingWith(f, "kvm_vcpu_ioctl "), s.countOfType(s.typeId("kvm_vcpu_ioctl")));
        for (int i = 0; i < s.size(); i++) assertEquals(i, s.ts(i));
        assertEquals("type 0xae03, arg 0x9", s.payloadString(0));
        // apic_report_irq_delivered (QEMU 7.2) is gone from 8.2's trace-events: still an event, its text kept whole
        int i = s.typeId("apic_report_irq_delivered");
        assertEquals(linesStartingWith(f, "apic_report_irq_delivered "), s.countOfType(i));
    }

    @Test
    void oneLineWithoutFinalNewline() throws IOException {
        Path f = dir.resolve("one.log");
        Files.writeString(f, "7803@1795315179.867484:kvm_vm_ioctl type 0xae03, arg 0x9", StandardCharsets.UTF_8);
        EventStore s = TraceLoader.standard().load(f).events();
        assertEquals("qemu-log", s.format());
        assertEquals(1, s.size());
        assertEquals("type 0xae03, arg 0x9", s.payloadString(0));
    }

    @Test
    void qemu101IsoPrefixAndOtherLogOutputLines() throws IOException {
        Path f = dir.resolve("qemu.log");
        Files.writeString(f, """
                2025-06-05T10:11:12.345678Z kvm_run_exit cpu_index 1, reason 2
                2025-06-05T10:11:13Z kvm_run_exit cpu_index 0, reason 5
                2025-06-05T10:11:13.000001Z Guest crashed
                """, StandardCharsets.UTF_8);
        EventStore s = TraceLoader.standard().load(f, EVENTS, LoadMonitor.NONE).events();
        assertEquals("qemu-log", s.format());
        assertEquals(2, s.size());
        long epoch = java.time.Instant.parse("2025-06-05T10:11:12.345678Z").getEpochSecond() * 1_000_000_000L + 345_678_000L;
        assertEquals(epoch, s.ts(0));
        assertEquals(epoch + 654_322_000L, s.ts(1));
        assertEquals(5, FieldDecoders.decode(s, 1).number("reason"));
        assertEquals(1, s.warnings().count());
    }
}
