package dev.virtscope.format.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.virtscope.decode.FieldDecoders;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.LostEvents;

/** Binary simpletrace log versions 4, 3, 2 and 0, either byte order, written by {@link SimpletraceWriter}. */
class SimpletraceBinaryVersionsTest {
    static final long DROPPED = 0xfffffffffffffffeL;

    @TempDir
    Path dir;

    private Path events() throws IOException {
        Path f = dir.resolve("trace-events");
        Files.writeString(f, """
                # comment
                disable guest_cpu_reset(void) ""
                kvm_run_exit(int cpu_index, uint32_t reason) "cpu_index %d, reason %d"
                fw_cfg_add_bytes(uint16_t key_value, const char *key_name, size_t len) "key 0x%04" PRIx16 " '%s', %zu bytes"
                """);
        return f;
    }

    private EventStore load(SimpletraceWriter w, Path traceEvents) throws IOException {
        Path f = dir.resolve("trace-" + w.version);
        Files.write(f, w.bytes());
        return TraceLoader.standard().load(f, new LoadOptions(List.of(traceEvents)), LoadMonitor.NONE).events();
    }

    @Test
    void v4WithLazyInterleavedMappingsAndDroppedRecords() throws IOException {
        SimpletraceWriter w = new SimpletraceWriter(4, false)
                .mapping(7, "kvm_run_exit")
                .event(7, 1_000, 42, -1L, 2L)
                .event(DROPPED, 1_500, 42, 12L)
                .mapping(3, "fw_cfg_add_bytes")
                .event(3, 2_000, 43, 0x19L, "file_dir", 2052L);
        EventStore s = load(w, events());
        assertEquals("qemu-simpletrace", s.format());
        assertEquals(2, s.size());
        assertEquals("cpu_index=0xffffffffffffffff reason=0x2", s.payloadString(0));
        assertEquals(-1, FieldDecoders.decode(s, 0).number("cpu_index"));
        assertEquals("key_value=0x19 key_name=b'file_dir' len=0x804", s.payloadString(1));
        assertEquals(43, s.tid(1));
        assertEquals(1, s.lost().size());
        assertEquals(12, s.lost().count(0));
        assertEquals(1_500, s.lost().ts(0));
        assertEquals(LostEvents.Kind.QEMU_DROPPED, s.lost().kind(0));
    }

    @Test
    void v3AndV2IdentifyEventsByPositionInTraceEvents() throws IOException {
        // positions count every definition, disabled ones too: guest_cpu_reset 0, kvm_run_exit 1, fw_cfg_add_bytes 2
        for (int v : new int[]{3, 2}) {
            SimpletraceWriter w = new SimpletraceWriter(v, false)
                    .event(1, 10, 99, 1L, 5L)
                    .event(2, 20, 99, 0L, "signature", 4L);
            EventStore s = load(w, events());
            assertEquals(2, s.size(), "v" + v);
            assertEquals("kvm_run_exit", s.eventName(0));
            assertEquals("fw_cfg_add_bytes", s.eventName(1));
            assertEquals(v == 3 ? 99 : 0, s.tid(0), "v2 has no pid");
            assertEquals("signature", FieldDecoders.decode(s, 1).text("key_name"));
        }
    }

    @Test
    void bigEndianHostAndVersion0FixedRecords() throws IOException {
        EventStore be = load(new SimpletraceWriter(4, true).mapping(1, "kvm_run_exit").event(1, 5, 7, 0L, 6L), events());
        assertEquals("cpu_index=0x0 reason=0x6", be.payloadString(0));
        assertEquals(5, be.ts(0));
        EventStore v0 = load(new SimpletraceWriter(0, false).event(1, 77, 0, 1L, 8L).event(DROPPED, 80, 0, 3L), events());
        assertEquals(1, v0.size());
        assertEquals("cpu_index=0x1 reason=0x8", v0.payloadString(0));
        assertEquals(3, v0.lost().count(0));
    }

    @Test
    void compressedTraceEventsFilesAreReadToo() throws IOException {
        Path xz = dir.resolve("trace-events.xz");
        try (var out = new org.apache.commons.compress.compressors.xz.XZCompressorOutputStream(Files.newOutputStream(xz))) {
            out.write(Files.readAllBytes(events()));
        }
        EventStore s = load(new SimpletraceWriter(4, false).mapping(1, "kvm_run_exit").event(1, 5, 7, 1L, 2L), xz);
        assertEquals("cpu_index=0x1 reason=0x2", s.payloadString(0));
    }

    @Test
    void traceEventsFileBesideTheTraceIsFoundWithoutOptions() throws IOException {
        Files.copy(events(), dir.resolve("trace-events-all"));
        Path f = dir.resolve("trace-beside");
        Files.write(f, new SimpletraceWriter(4, false).mapping(1, "kvm_run_exit").event(1, 5, 7, 0L, 6L).bytes());
        assertEquals("cpu_index=0x0 reason=0x6", TraceLoader.standard().load(f).events().payloadString(0));
    }
}
