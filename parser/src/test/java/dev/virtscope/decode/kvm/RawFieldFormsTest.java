package dev.virtscope.decode.kvm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The raw-field payloads of {@code trace-cmd report -R}: lines copied from
 * samples/captured/nested/nested-svm-inner-smp2-secs5.report-R.txt.xz, plus a VMX one built from the
 * kernel's field list (include/trace/events/kvm.h, arch/x86/kvm/trace.h).
 */
class RawFieldFormsTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void svmExitNumberIsNamedFromTheTableItsIsaSelects() {
        byte[] p = b("exit_reason=1024 guest_rip=0xfff0 isa=2 info1=0x0000000100000014 info2=0x00000000fffffff0 intr_info=0x00000000 error_code=0x00000000 vcpu_id=0");
        KvmExit x = new KvmExit();
        assertTrue(x.parse(p, 0, p.length));
        assertEquals("npf", x.reason(), "svm.h: SVM_EXIT_NPF 0x400, printed npf");
        assertEquals(2, x.isa);
        assertEquals(0, x.vcpu);
        assertEquals(0xfff0, x.rip);
        assertEquals(0x100000014L, x.info1);
        assertEquals(0xfffffff0L, x.info2);

        KvmExit k = new KvmExit();
        assertTrue(k.parseKey(p, 0, p.length), "the hot path reads the same form");
        assertEquals("npf", k.reason());
        assertEquals(0, k.vcpu);
    }

    @Test
    void vmxNamesTheLow16BitsAndPrintsTheFailedVmentryFlag() {
        byte[] hlt = b("exit_reason=12 guest_rip=0xffffffff81000000 isa=1 info1=0x0 info2=0x0 intr_info=0x0 error_code=0x0 vcpu_id=3");
        KvmExit x = new KvmExit();
        assertTrue(x.parseKey(hlt, 0, hlt.length));
        assertEquals("HLT", x.reason());
        assertEquals(3, x.vcpu);
        byte[] failed = b("exit_reason=2147483681 guest_rip=0x0 isa=1 info1=0x0 info2=0x0 intr_info=0x0 error_code=0x0 vcpu_id=0");
        assertTrue(x.parseKey(failed, 0, failed.length));
        assertEquals("INVALID_STATE FAILED_VMENTRY", x.reason(), "0x80000021: basic reason 33 plus bit 31");
        byte[] ext = b("exit_reason=1 guest_rip=0x1 isa=1 info1=0x0 info2=0x0 intr_info=0x800000ec error_code=0x0 vcpu_id=0");
        assertTrue(x.parseKey(ext, 0, ext.length));
        assertEquals(0xec, x.hostVector(), "LOCAL_TIMER from intr_info bits 7:0");
    }

    @Test
    void entryPioMsrAndMmioRawForms() {
        KvmEntry en = new KvmEntry();
        byte[] e = b("vcpu_id=0 rip=0xfff0 immediate_exit=0");
        assertTrue(en.parse(e, 0, e.length));
        assertEquals(0, en.vcpu);
        assertEquals(0xfff0, en.rip);

        KvmAccess a = new KvmAccess();
        byte[] pio = b("rw=1 port=0x70 size=1 count=1 val=0x8f");
        assertTrue(a.parsePio(pio, 0, pio.length));
        assertTrue(a.write);
        assertEquals(0x70, a.key);
        assertEquals(0x8f, a.value);
        byte[] msr = b("write=0 ecx=fe data=0x508 exception=0");
        assertTrue(a.parseMsr(msr, 0, msr.length));
        assertFalse(a.write);
        assertEquals(0xfe, a.key, "ecx is printed in hex without 0x, as the plugin form's msr_read fe");
        assertEquals(0x508, a.value);
        byte[] mmio = b("type=2 len=4 gpa=0xfee000f0 val=0x1ff");
        assertTrue(a.parseMmio(mmio, 0, mmio.length));
        assertEquals(KvmAccess.MMIO_WRITE, a.mmioType);
        assertEquals(0xfee000f0L, a.key);
    }
}
