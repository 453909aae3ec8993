package dev.virtscope.format.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Shapes that no sample file holds: published lines quoted in FORMATS.md §1 and §6 (trace-cmd 3.3's
 * flags column, kernel kvm_exit lines), and lines assembled from the published pieces where no whole
 * line was published (flag characters up to 'f', the comm {@code vhost-150742-150787}, an unknown tgid
 * {@code (-------)}, an empty payload).
 */
class FtraceLineTest {
    private final FtraceLine l = new FtraceLine();
    private byte[] b;

    private boolean parse(String line, boolean report) {
        b = line.getBytes(StandardCharsets.UTF_8);
        return l.parse(b, 0, b.length, report);
    }

    private String comm() {
        return new String(b, l.commStart, l.commEnd - l.commStart, StandardCharsets.UTF_8);
    }

    private String name() {
        return new String(b, l.nameStart, l.nameEnd - l.nameStart, StandardCharsets.UTF_8);
    }

    private String payload() {
        return new String(b, l.payloadStart, l.payloadEnd - l.payloadStart, StandardCharsets.UTF_8);
    }

    @Test
    void traceCmd33FlagsColumn() {
        assertTrue(parse("           sleep-89142 [001] ...1. 162573.215752: function:             mutex_unlock", true));
        assertEquals("sleep", comm());
        assertEquals(89142, l.pid);
        assertEquals(1, l.cpu);
        assertEquals(162_573_215_752_000L, l.ts);
        assertEquals("function", name());
        assertEquals("mutex_unlock", payload());
    }

    @Test
    void flagsWithHexDepthAndDashedComm() {
        assertTrue(parse("  vhost-150742-150787-150800 [012] ..Zff  4242.000001: kvm_set_irq: gsi 0 level 0 source 0", false));
        assertEquals("vhost-150742-150787", comm());
        assertEquals(150800, l.pid);
        assertEquals(12, l.cpu);
    }

    @Test
    void unknownTgidAndCommWithSpace() {
        assertTrue(parse("     Web Content-2711    (-------) [003] d....  26186.336632: sched_waking: comm=Timer pid=2745 prio=120 target_cpu=001", false));
        assertEquals("Web Content", comm());
        assertEquals(-1, l.tgid);
        assertEquals("comm=Timer pid=2745 prio=120 target_cpu=001", payload());
    }

    @Test
    void kernelKvmExitLines() {
        assertTrue(parse("CPU 0/KVM-4432    [004] d... 416798.620167: kvm_exit: vcpu 0 reason EXTERNAL_INTERRUPT rip 0x771eeb94 info1 0x0000000000000000 info2 0x0000000000000000 intr_info 0x800000ec error_code 0x00000000", false));
        assertEquals("CPU 0/KVM", comm());
        assertEquals(4432, l.pid);
        assertEquals(416_798_620_167_000L, l.ts);
        assertEquals("kvm_exit", name());
        assertTrue(payload().startsWith("vcpu 0 reason EXTERNAL_INTERRUPT rip"));
        // trace-cmd's kvm plugin writes a leading space: all padding goes
        assertTrue(parse("        CPU 0/KVM-5680  [001]  1067.485693: kvm_entry:             vcpu 0 rip 0xffffffff9ae6cf66", true));
        assertEquals("vcpu 0 rip 0xffffffff9ae6cf66", payload());
    }

    @Test
    void emptyPayloadAndUnknownComm() {
        assertTrue(parse("           <...>-4083  [004] ....   395.705679: kvm_fpu: ", false));
        assertTrue(l.commUnknown);
        assertEquals("", payload());
        assertTrue(parse("           <...>-4083  [004] ....   395.705679: kvm_fpu:", false));
        assertEquals("kvm_fpu", name());
        assertEquals("", payload());
    }

    @Test
    void notEventLines() {
        assertFalse(parse("CPU:1 [LOST 42 EVENTS]", false));
        assertFalse(parse("##### CPU 0 buffer started ####", false));
        assertFalse(parse("cpus=2", true));
        assertFalse(parse("       CPU 0/KVM  6865 [000]  1102.086544: kvm:kvm_userspace_exit: reason KVM_EXIT_UNKNOWN (0)", false));
    }
}
