package dev.virtscope.decode.kvm;

import static dev.virtscope.decode.kvm.RealKvmLines.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoders;

class KvmExitDecodeTest {

    private static KvmExit exit(String payload) {
        byte[] b = ("xx" + payload + "yy").getBytes(StandardCharsets.UTF_8);
        KvmExit x = new KvmExit();
        assertTrue(x.parse(b, 2, b.length - 2), payload);
        return x;
    }

    @Test
    void kernel510FormGivesVcpuReasonRipAndHostVector() {
        KvmExit x = exit(KvmLineStore.payloadOf(EXIT_510_LOCAL_TIMER));
        assertEquals(0, x.vcpu);
        assertEquals("EXTERNAL_INTERRUPT", x.reason());
        assertEquals(0x771eeb94L, x.rip);
        assertEquals(0, x.info1);
        assertEquals(0x800000ecL, x.intrInfo);
        assertEquals(0, x.errorCode);
        assertEquals(0xec, x.hostVector());
        assertEquals("LOCAL_TIMER", HostVectors.name(x.hostVector()));
        assertEquals("IRQ_WORK", HostVectors.name(exit(KvmLineStore.payloadOf(EXIT_510_IRQ_WORK)).hostVector()));
    }

    @Test
    void perfScriptPayloadIsTheKernelForm() {
        KvmExit x = exit(KvmLineStore.payloadOf(PERF_EXIT_MSR_WRITE));
        assertEquals("MSR_WRITE", x.reason());
        assertEquals(0xffffffff9ae6cf64L, x.rip);
        assertEquals(-1, x.hostVector(), "intr_info 0 has the valid bit clear");
        KvmEntry e = new KvmEntry();
        byte[] b = KvmLineStore.payloadOf(PERF_ENTRY).getBytes(StandardCharsets.UTF_8);
        assertTrue(e.parse(b, 0, b.length));
        assertEquals(0, e.vcpu);
        assertEquals(0xffffffff9ae6cf66L, e.rip);
    }

    @Test
    void traceCmdPluginFormHasNoVcpu() {
        KvmExit x = exit(PLUGIN_EXIT_PAYLOAD);
        assertEquals(-1, x.vcpu);
        assertEquals("HLT", x.reason());
        assertEquals(0xffffffffb33f2e5fL, x.rip);
        assertEquals(0, x.info1);
        assertEquals(0, x.info2);
        KvmEntry e = new KvmEntry();
        byte[] b = PLUGIN_ENTRY_PAYLOAD.getBytes(StandardCharsets.UTF_8);
        assertTrue(e.parse(b, 0, b.length));
        assertEquals(0, e.vcpu);
        assertEquals(0xffffffffb33f2e60L, e.rip);
    }

    @Test
    void pluginSvmForm() {
        KvmExit x = exit("reason EXIT_NPF rip 0xfff0 info 100000014 fffffff0");
        assertEquals("EXIT_NPF", x.reason());
        assertEquals(0xfff0, x.rip);
        assertEquals(0x100000014L, x.info1);
        assertEquals(0xfffffff0L, x.info2);
        assertEquals("not-present user fetch final", FaultBits.npfErrorCode(x.info1), "0x100000014: bits 2, 4, 32");
    }

    @Test
    void oldAndNewestKernelForms() {
        KvmExit old = exit(FROM_FORMAT_EXIT_59_PAYLOAD);
        assertEquals(1, old.vcpu);
        assertEquals("EPT_VIOLATION", old.reason());
        assertEquals(0x181, old.info1, "info is printed in hex without 0x");
        assertEquals("read gpa:--- final", FaultBits.eptViolation(old.info1), "0x181: bits 0, 7, 8");
        assertEquals("write fetch gpa:r-x final", FaultBits.eptViolation(0x1aeL), "0x1ae: bits 1, 2, 3, 5, 7, 8");
        KvmExit nu = exit(FROM_FORMAT_EXIT_618_PAYLOAD);
        assertEquals(2, nu.vcpu);
        assertEquals("HLT", nu.reason());
        assertEquals(0x10, nu.requests);
        assertEquals(0, nu.errorCode);
    }

    @Test
    void svmReasonsIncludingNamesWithSpaces() {
        KvmExit npf = exit(FROM_FORMAT_EXIT_SVM_NPF_PAYLOAD);
        assertEquals("npf", npf.reason());
        assertEquals(ExitReasons.ISA_SVM, ExitReasons.isaOf(ExitReasons.lookup(npf.reason())));
        assertEquals(0x400, ExitReasons.codeOf(ExitReasons.lookup("npf")));
        assertEquals("not-present write user page-table", FaultBits.npfErrorCode(npf.info1), "bits 1, 2, 33");
        assertEquals("present write final", FaultBits.npfErrorCode(0x100000003L));
        KvmExit de = exit(FROM_FORMAT_EXIT_SVM_DE_PAYLOAD);
        assertEquals("DE excp", de.reason());
        assertEquals(0x401000, de.rip);
    }

    @Test
    void theHotPathSubsetAgreesWithTheFullDecoderOnEveryForm() {
        String[] all = {KvmLineStore.payloadOf(EXIT_510_LOCAL_TIMER), KvmLineStore.payloadOf(EXIT_510_IRQ_WORK),
                KvmLineStore.payloadOf(PERF_EXIT_MSR_WRITE), PLUGIN_EXIT_PAYLOAD, FROM_FORMAT_EXIT_59_PAYLOAD,
                FROM_FORMAT_EXIT_618_PAYLOAD, FROM_FORMAT_EXIT_SVM_NPF_PAYLOAD, FROM_FORMAT_EXIT_SVM_DE_PAYLOAD,
                "vcpu 0 reason interrupt rip 0xffffffff81000000 info1 0x0 info2 0x0 intr_info 0x800000fd error_code 0x0"};
        for (String p : all) {
            KvmExit full = exit(p);
            KvmExit key = new KvmExit();
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            assertTrue(key.parseKey(b, 0, b.length), p);
            assertEquals(full.vcpu, key.vcpu, p);
            assertEquals(full.reason(), key.reason(), p);
            assertEquals(full.hostVector(), key.hostVector(), p);
        }
    }

    @Test
    void reasonTablesWorkBothWays() {
        assertEquals("HLT", ExitReasons.vmxName(12));
        assertEquals("EPT_MISCONFIG", ExitReasons.vmxName(49));
        assertEquals("EXTERNAL_INTERRUPT", ExitReasons.vmxName(1 | 0x8000_0000), "flags above bit 15 are not the basic reason");
        assertEquals(ExitReasons.ISA_VMX, ExitReasons.isaOf(ExitReasons.lookup("MSR_WRITE")));
        assertEquals(32, ExitReasons.codeOf(ExitReasons.lookup("MSR_WRITE")));
        assertEquals(7, ExitReasons.codeOf(ExitReasons.lookup("PENDING_INTERRUPT")), "pre-5.8 name");
        assertEquals("hlt", ExitReasons.svmName(0x078));
        assertEquals("io", ExitReasons.svmName(0x07b));
        assertEquals("msr", ExitReasons.svmName(0x07c));
        assertEquals("interrupt", ExitReasons.svmName(0x060));
        assertEquals("vmrun", ExitReasons.name(ExitReasons.ISA_SVM, 0x080));
        assertEquals(0x07c, ExitReasons.codeOf(ExitReasons.lookup("msr")));
        assertEquals(0x1234, ExitReasons.codeOf(ExitReasons.lookup("0x1234")), "unknown reasons print as hex");
        assertEquals(-1, ExitReasons.lookup("NOT_A_REASON"));
        // trace-cmd kvm plugin's SVM names (a real nested SVM report prints "reason EXIT_NPF rip 0xfff0 info 100000014 fffffff0")
        assertEquals(0x400, ExitReasons.codeOf(ExitReasons.lookup("EXIT_NPF")));
        assertEquals(ExitReasons.ISA_SVM, ExitReasons.isaOf(ExitReasons.lookup("EXIT_NPF")));
        assertEquals(0x078, ExitReasons.codeOf(ExitReasons.lookup("EXIT_HLT")));
        assertEquals(0x07b, ExitReasons.codeOf(ExitReasons.lookup("EXIT_IOIO")));
        assertEquals(0x037, ExitReasons.codeOf(ExitReasons.lookup("EXIT_WRITE_DR7")));
        assertTrue(ExitReasons.isHlt("EXIT_HLT"));
        // every name maps back to its own number
        for (int c = 0; c < 80; c++) {
            String n = ExitReasons.vmxName(c);
            if (n != null) assertEquals(c, ExitReasons.codeOf(ExitReasons.lookup(n)), n);
        }
    }

    @Test
    void namesOfMsrsPortsAndVectors() {
        assertEquals("HV_X64_EOI", MsrNames.name(0x40000070));
        assertEquals("HV_X64_ICR", MsrNames.name(0x40000071));
        assertEquals("HV_X64_TPR", MsrNames.name(0x40000072));
        assertEquals("IA32_TSC_DEADLINE", MsrNames.name(0x6e0));
        assertEquals("X2APIC_EOI", MsrNames.name(0x80b));
        assertEquals("X2APIC_ICR", MsrNames.name(0x830));
        assertEquals("RTC/CMOS", IoPorts.device(0x70));
        assertEquals("RTC/CMOS", IoPorts.device(0x71));
        assertEquals("PIT", IoPorts.device(0x43));
        assertEquals("PIC2", IoPorts.device(0xa1));
        assertEquals("COM1", IoPorts.device(0x3f8));
        assertEquals("PCI config data", IoPorts.device(0xcfc));
        assertEquals("fw_cfg", IoPorts.device(0x511));
        assertEquals("debugcon", IoPorts.device(0x402));
        assertEquals("ACPI PM", IoPorts.device(0xb008));
        assertEquals("RESCHEDULE", HostVectors.name(0xfd));
        assertEquals("CALL_FUNCTION", HostVectors.name(0xfc));
        assertEquals("CALL_FUNCTION_SINGLE", HostVectors.name(0xfb));
        assertEquals("POSTED_INTR", HostVectors.name(0xf2));
        assertEquals("vector 0x31", HostVectors.name(0x31));
    }

    @Test
    void accessEventsFromRealAndFormatLines() {
        KvmAccess a = new KvmAccess();
        byte[] w = KvmLineStore.payloadOf(PIO_WRITE_RTC).getBytes(StandardCharsets.UTF_8);
        assertTrue(a.parsePio(w, 0, w.length));
        assertTrue(a.write);
        assertEquals(0x70, a.key);
        assertEquals(1, a.size);
        assertEquals(0x8f, a.value);
        byte[] r = KvmLineStore.payloadOf(PIO_READ_RTC).getBytes(StandardCharsets.UTF_8);
        assertTrue(a.parsePio(r, 0, r.length));
        assertFalse(a.write);
        assertEquals(0x71, a.key);
        byte[] m = FROM_FORMAT_MSR_WRITE_TSC_DEADLINE_PAYLOAD.getBytes(StandardCharsets.UTF_8);
        assertTrue(a.parseMsr(m, 0, m.length));
        assertTrue(a.write);
        assertEquals(0x6e0, a.key);
        assertEquals(0x3f0b5c2bd1eL, a.value);
        byte[] gp = FROM_FORMAT_MSR_READ_GP_PAYLOAD.getBytes(StandardCharsets.UTF_8);
        assertTrue(a.parseMsr(gp, 0, gp.length));
        assertTrue(a.faulted);
        byte[] mm = FROM_FORMAT_MMIO_WRITE_PAYLOAD.getBytes(StandardCharsets.UTF_8);
        assertTrue(a.parseMmio(mm, 0, mm.length));
        assertEquals(KvmAccess.MMIO_WRITE, a.mmioType);
        assertEquals(0xfee000b0L, a.key);
    }

    @Test
    void injectedInterruptsAndPageFaultsInOldAndNewForms() {
        // TP_printk of kvm_inj_virq: "IRQ 0x%x" (older), "%s 0x%x%s" (6.x); kvm_page_fault: "address %lx error_code %x"
        // (older), "vcpu %u rip 0x%lx address 0x%016lx error_code 0x%lx" (6.x)
        EventFields f = new EventFields();
        byte[] a = "IRQ 0xec".getBytes(StandardCharsets.UTF_8);
        FieldDecoders.forEvent("kvm_inj_virq").decode(a, 0, a.length, f);
        assertEquals(0xec, f.number("irq"));
        assertEquals("IRQ", f.text("kind"));
        f.clear();
        byte[] b = "Soft/INTn 0x80 [reinjected]".getBytes(StandardCharsets.UTF_8);
        FieldDecoders.forEvent("kvm_inj_virq").decode(b, 0, b.length, f);
        assertEquals(0x80, f.number("irq"));
        assertEquals(1, f.number("reinjected"));
        f.clear();
        byte[] c = "address 7f0a1000 error_code 6".getBytes(StandardCharsets.UTF_8);
        FieldDecoders.forEvent("kvm_page_fault").decode(c, 0, c.length, f);
        assertEquals(0x7f0a1000L, f.number("address"));
        assertEquals("not-present write user", f.text("access"));
        f.clear();
        byte[] d = "vcpu 1 rip 0xffffffff81000abc address 0x00000000fee00030 error_code 0x4".getBytes(StandardCharsets.UTF_8);
        FieldDecoders.forEvent("kvm_page_fault").decode(d, 0, d.length, f);
        assertEquals(1, f.number("vcpu"));
        assertEquals(0xfee00030L, f.number("address"));
        assertEquals(0xffffffff81000abcL, f.number("rip"));
    }

    @Test
    void fieldDecodersAreRegisteredForKvmEvents() {
        EventFields f = new EventFields();
        byte[] b = KvmLineStore.payloadOf(EXIT_510_LOCAL_TIMER).getBytes(StandardCharsets.UTF_8);
        FieldDecoders.forEvent("kvm_exit").decode(b, 0, b.length, f);
        assertEquals("EXTERNAL_INTERRUPT", f.text("reason"));
        assertEquals(0xec, f.number("host_vector"));
        assertEquals("VMX", f.text("isa"));
        assertEquals(1, f.number("exit_code"));
        f.clear();
        byte[] u = KvmLineStore.payloadOf(USERSPACE_EXIT_IO).getBytes(StandardCharsets.UTF_8);
        FieldDecoders.forEvent("kvm_userspace_exit").decode(u, 0, u.length, f);
        assertEquals("KVM_EXIT_IO", f.text("reason"));
        assertEquals(2, f.number("code"));
        f.clear();
        byte[] rs = KvmLineStore.payloadOf(USERSPACE_EXIT_RESTART).getBytes(StandardCharsets.UTF_8);
        FieldDecoders.forEvent("kvm_userspace_exit").decode(rs, 0, rs.length, f);
        assertEquals("restart", f.text("reason"));
        f.clear();
        byte[] p = KvmLineStore.payloadOf(PIO_WRITE_RTC).getBytes(StandardCharsets.UTF_8);
        FieldDecoders.forEvent("kvm_pio").decode(p, 0, p.length, f);
        assertEquals("RTC/CMOS", f.text("device"));
        f.clear();
        byte[] ms = FROM_FORMAT_MSR_READ_GP_PAYLOAD.getBytes(StandardCharsets.UTF_8);
        FieldDecoders.forEvent("kvm_msr").decode(ms, 0, ms.length, f);
        assertEquals("HV_X64_EOI", f.text("msr_name"));
        assertEquals("#GP", f.text("exception"));
    }
}
