package dev.virtscope.format.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.virtscope.store.LostEvents;

/** Every simpletrace.py text form seen across QEMU versions (lines quoted in docs/formats.md). */
class SimpletraceTextVariantsTest {
    @TempDir
    Path dir;

    private EventStore load(String text) throws IOException {
        Path f = dir.resolve("trace.txt");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        EventStore s = TraceLoader.standard().load(f).events();
        assertEquals("qemu-simpletrace-text", s.format());
        return s;
    }

    @Test
    void qemu2010WithoutPidAndOnlyIntegers() throws IOException {
        EventStore s = load("""
                qemu_malloc 0.000 size=0x3 ptr=0x24363f0
                qemu_realloc 0.699 ptr=0x24363f0 size=0x3 newptr=0x24363f0
                qemu_free 12.001 ptr=0x24363f0
                """);
        assertEquals(3, s.size());
        assertEquals(0, s.ts(0));
        assertEquals(699, s.ts(1));
        assertEquals(699 + 12_001, s.ts(2));
        EventFields f = FieldDecoders.decode(s, 1);
        assertEquals(0x24363f0L, f.number("newptr"));
        assertEquals(3, f.number("size"));
    }

    @Test
    void droppedEventsOfV2AndOfTheNewestScriptBecomeLostMarkersAndAdvanceTime() throws IOException {
        EventStore s = load("""
                virtio_queue_notify 0.000 vdev=0x1 n=0x0 vq=0x2
                Dropped_Event 5.000 dropped_events=0x1f
                virtio_queue_notify 1.500 vdev=0x1 n=0x0 vq=0x2
                Dropped_Event 2.000 pid=1457 num_events_dropped=0x3
                virtio_queue_notify 0.250 pid=1457 vdev=0x1 n=0x0 vq=0x2
                """);
        assertEquals(3, s.size());
        assertEquals(6_500, s.ts(1));
        assertEquals(8_750, s.ts(2));
        assertEquals(2, s.lost().size());
        assertEquals(LostEvents.Kind.QEMU_DROPPED, s.lost().kind(0));
        assertEquals(0x1f, s.lost().count(0));
        assertEquals(5_000, s.lost().ts(0));
        assertEquals(3, s.lost().count(1));
        assertEquals(8_500, s.lost().ts(1));
    }

    @Test
    void python3BytesAndPython2RawStringsAndTrailingSpace() throws IOException {
        EventStore s = load("""
                qemu_loadvm_state_section_startfull 0.000 pid=1457 section_id=0x2 idstr=b'ram' instance_id=0x0 version_id=0x4
                vnc_key_event_map 3.100 pid=14002 down=0x1 sym=0xffe1 keycode=0x2a name=shift
                usb_xhci_reset 0.000 pid=12385\s
                fw_cfg_add_file 2.898 pid=20268 s=0x55604a1e6220 index=0x0 name=b'it\\'s a "file"\\x00' len=0x4
                """);
        assertEquals(4, s.size());
        assertEquals(1457, s.tid(0));
        assertEquals(14002, s.tid(1));
        EventFields f = FieldDecoders.decode(s, 0);
        assertEquals("ram", f.text("idstr"));
        assertEquals(4, f.number("version_id"));
        assertEquals("shift", FieldDecoders.decode(s, 1).text("name"));
        assertEquals("", s.payloadString(2));
        assertEquals(0, FieldDecoders.decode(s, 2).size());
        assertEquals("it's a \"file\"\0", FieldDecoders.decode(s, 3).text("name"));
    }

    @Test
    void negativeDeltasFromOutOfOrderThreadsAreKept() throws IOException {
        EventStore s = load("""
                a_event 0.000 pid=1 x=0x1
                b_event 10.000 pid=1 x=0x2
                c_event -3.250 pid=1 x=0x3
                """);
        assertEquals(0, s.ts(0));
        assertEquals(6_750, s.ts(1));
        assertEquals("c_event", s.eventName(1));
        assertTrue(s.warnings().count() == 0);
    }
}
