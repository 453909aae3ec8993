package dev.virtscope.format.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoders;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/**
 * QEMU's ftrace backend writes {@code name fmt} into trace_marker; the kernel trace shows it as
 * {@code tracing_mark_write: pckbd_kbd_update_irq kbd=0 aux=1} (docs/formats.md). The ftrace
 * importer keeps it as a tracing_mark_write event and the QEMU marker decoder reads the nested event.
 */
class QemuInFtraceTest {
    @TempDir
    Path dir;

    @Test
    void tracingMarkWriteCarriesANestedQemuEvent() throws IOException {
        Path f = dir.resolve("trace");
        Files.writeString(f, """
                # tracer: nop
                #
                #           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION
                #              | |         |   |||||     |         |
                 qemu-system-x86-625     [000] ..... 1023.000100: tracing_mark_write: pckbd_kbd_update_irq kbd=0 aux=1
                 qemu-system-x86-625     [000] ..... 1023.000200: tracing_mark_write: hello from a script
                """, StandardCharsets.UTF_8);
        EventStore s = TraceLoader.standard().load(f).events();
        assertEquals(2, s.size());
        assertEquals("tracing_mark_write", s.eventName(0));
        EventFields q = FieldDecoders.decode(s, 0);
        assertEquals("pckbd_kbd_update_irq", q.text("qemu_event"));
        assertEquals(0, q.number("kbd"));
        assertEquals(1, q.number("aux"));
        assertEquals("hello from a script", FieldDecoders.decode(s, 1).text("text"));
    }

    @Test
    void traceCmdPrintPayloadWithSymbolPrefix() {
        byte[] p = "tracing_mark_write: kvm_run_exit cpu_index 1, reason 2".getBytes(StandardCharsets.UTF_8);
        EventFields f = new EventFields();
        dev.virtscope.decode.qemu.QemuMarkerDecoder.INSTANCE.decode(p, 0, p.length, f);
        assertEquals("kvm_run_exit", f.text("qemu_event"));
    }
}
