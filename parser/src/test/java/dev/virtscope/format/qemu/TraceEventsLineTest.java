package dev.virtscope.format.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.qemu.PrintfPattern;

/** trace-events syntax (tracetool's grammar) and reading printed text back with its format. */
class TraceEventsLineTest {
    @Test
    void argumentsPropsAndFormats() {
        TraceEventDef d = TraceEventsLine.parse("fw_cfg_add_bytes(uint16_t key_value, const char *key_name, size_t len) \"key 0x%04\" PRIx16 \" '%s', %zu bytes\"");
        assertEquals(List.of("key_value", "key_name", "len"), d.argNames());
        assertEquals("const char *", d.argTypes().get(1));
        assertArrayEquals(new boolean[]{false, true, false}, d.isString());
        assertEquals("key 0x%04x '%s', %zu bytes", d.fmt());

        TraceEventDef v = TraceEventsLine.parse("disable vcpu guest_cpu_reset(void) \"\"");
        assertEquals(List.of("disable", "vcpu"), v.props());
        assertTrue(v.disabled());
        assertEquals(0, v.argCount());

        TraceEventDef t = TraceEventsLine.parse("disable tcg guest_mem_before(TCGv vaddr, uint8_t info) \"info=%d\", \"vaddr=0x%016\"PRIx64\" info=%d\"");
        assertEquals("vaddr=0x%016x info=%d", t.fmt());
        assertEquals(List.of("vaddr", "info"), t.argNames());

        TraceEventDef p = TraceEventsLine.parse("qemu_vfio_dma_map(void *s, void *host, size_t size, bool temporary, uint64_t *iova) \"s %p host %p\"");
        assertArrayEquals(new boolean[5], p.isString());
        assertTrue(!TraceEventsLine.isString("char **argv"));
        assertTrue(TraceEventsLine.isString("char*"));
        assertNull(TraceEventsLine.parse("# comment (with parens)"));
        assertNull(TraceEventsLine.parse("   "));
    }

    @Test
    void readsQemu82TraceEventsAll() throws IOException {
        java.nio.file.Path f = Samples.path("generated/qemu-simpletrace/trace-events-all-8.2.0");
        TraceEventCatalog c = TraceEventCatalog.read(List.of(f));
        long definitions = java.nio.file.Files.readAllLines(f).stream().filter(l -> !l.startsWith("#") && l.contains("(")).count();
        assertEquals(definitions, c.size());
        assertEquals(List.of("cpu_index", "reason"), c.byName("kvm_run_exit").argNames());
        assertEquals("cpu_index %d, reason %d", c.byName("kvm_run_exit").fmt());
    }

    @Test
    void printfPatternReadsBackPrintedText() {
        PrintfPattern p = new PrintfPattern("0x%x = 0x%08x");
        EventFields f = new EventFields();
        assertTrue(p.match(bytes("0xfee000b0 = 0x00000000"), 0, 23, List.of("addr", "val"), f));
        assertEquals(0xfee000b0L, f.number("addr"));
        f.clear();
        PrintfPattern s = new PrintfPattern("key 0x%04x '%s', %zu bytes");
        String line = "key 0x0019 'file, dir', 2052 bytes";
        assertTrue(s.match(bytes(line), 0, line.length(), List.of("key_value", "key_name", "len"), f));
        assertEquals("file, dir", f.text("key_name"));
        assertEquals(2052, f.number("len"));
        f.clear();
        PrintfPattern n = new PrintfPattern("cpu_index %d, reason %d");
        assertTrue(n.match(bytes("cpu_index -1, reason 2"), 0, 22, List.of("cpu_index", "reason"), f));
        assertEquals(-1, f.number("cpu_index"));
        f.clear();
        assertTrue(!n.match(bytes("cpu_index x, reason 2"), 0, 21, List.of("cpu_index", "reason"), f));
        assertEquals(0, f.size());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
