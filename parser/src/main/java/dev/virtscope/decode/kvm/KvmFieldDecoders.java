package dev.virtscope.decode.kvm;

import java.nio.charset.StandardCharsets;

import dev.virtscope.decode.ByteText;
import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoder;

/**
 * Typed fields of the kvm events for display, filters and export (registered in FieldDecoders).
 * Numbers keep the printed text; derived fields (reason code, host vector name, MSR name, port
 * device, fault bits) are added after the printed ones.
 */
public final class KvmFieldDecoders {
    private KvmFieldDecoders() {
    }

    public interface Registrar {
        void register(String event, FieldDecoder d);
    }

    public static void registerAll(Registrar r) {
        r.register("kvm_exit", KvmFieldDecoders::exit);
        r.register("kvm_entry", KvmFieldDecoders::entry);
        r.register("kvm_pio", KvmFieldDecoders::pio);
        r.register("kvm_mmio", KvmFieldDecoders::mmio);
        r.register("kvm_msr", KvmFieldDecoders::msr);
        r.register("kvm_userspace_exit", KvmFieldDecoders::userspaceExit);
        r.register("kvm_inj_virq", KvmFieldDecoders::injVirq);
        r.register("kvm_page_fault", KvmFieldDecoders::pageFault);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    static void exit(byte[] b, int s, int e, EventFields out) {
        KvmExit x = new KvmExit();
        if (!x.parse(b, s, e)) {
            out.add("payload", new String(b, s, e - s, StandardCharsets.UTF_8));
            return;
        }
        if (x.vcpu >= 0) out.add("vcpu", x.vcpu);
        String reason = x.reason();
        out.add("reason", reason);
        if (x.rip >= 0) out.add("rip", hex(x.rip), x.rip);
        if (x.info1 >= 0) out.add("info1", hex(x.info1), x.info1);
        if (x.info2 >= 0) out.add("info2", hex(x.info2), x.info2);
        if (x.intrInfo >= 0) out.add("intr_info", hex(x.intrInfo), x.intrInfo);
        if (x.errorCode >= 0) out.add("error_code", hex(x.errorCode), x.errorCode);
        if (x.requests >= 0) out.add("requests", hex(x.requests), x.requests);
        long packed = ExitReasons.lookup(reason);
        int isa = x.isa > 0 ? (int) x.isa : ExitReasons.isaOf(packed);
        if (isa != ExitReasons.ISA_UNKNOWN) out.add("isa", isa == ExitReasons.ISA_SVM ? "SVM" : "VMX", isa);
        if (packed >= 0) out.add("exit_code", ExitReasons.codeOf(packed));
        if ("EXTERNAL_INTERRUPT".equals(reason) && x.hostVector() >= 0)
            out.add("host_vector", hex(x.hostVector()) + " " + HostVectors.name(x.hostVector()), x.hostVector());
        if ("EPT_VIOLATION".equals(reason) && x.info1 >= 0) out.add("access", FaultBits.eptViolation(x.info1));
        if ("npf".equals(reason) && x.info1 >= 0) out.add("access", FaultBits.npfErrorCode(x.info1));
        if ("EPT_VIOLATION".equals(reason) && x.info2 >= 0) out.add("gpa", hex(x.info2), x.info2);
        if ("npf".equals(reason) && x.info2 >= 0) out.add("gpa", hex(x.info2), x.info2);
    }

    static void entry(byte[] b, int s, int e, EventFields out) {
        KvmEntry x = new KvmEntry();
        x.parse(b, s, e);
        if (x.vcpu >= 0) out.add("vcpu", x.vcpu);
        if (x.rip >= 0) out.add("rip", hex(x.rip), x.rip);
        if (x.intrInfo >= 0) out.add("intr_info", hex(x.intrInfo), x.intrInfo);
        if (x.errorCode >= 0) out.add("error_code", hex(x.errorCode), x.errorCode);
    }

    static void pio(byte[] b, int s, int e, EventFields out) {
        KvmAccess a = new KvmAccess();
        if (!a.parsePio(b, s, e)) {
            out.add("payload", new String(b, s, e - s, StandardCharsets.UTF_8));
            return;
        }
        out.add("rw", a.write ? "write" : "read");
        out.add("port", hex(a.key), a.key);
        String dev = IoPorts.device((int) a.key);
        if (dev != null) out.add("device", dev);
        if (a.size >= 0) out.add("size", a.size);
        if (a.count >= 0) out.add("count", a.count);
        if (a.value >= 0) out.add("val", hex(a.value), a.value);
    }

    static void mmio(byte[] b, int s, int e, EventFields out) {
        KvmAccess a = new KvmAccess();
        if (!a.parseMmio(b, s, e)) {
            out.add("payload", new String(b, s, e - s, StandardCharsets.UTF_8));
            return;
        }
        out.add("type", a.mmioType == KvmAccess.MMIO_WRITE ? "write" : a.mmioType == KvmAccess.MMIO_READ ? "read" : "unsatisfied-read");
        if (a.size >= 0) out.add("len", a.size);
        out.add("gpa", hex(a.key), a.key);
        if (a.value >= 0) out.add("val", hex(a.value), a.value);
    }

    static void msr(byte[] b, int s, int e, EventFields out) {
        KvmAccess a = new KvmAccess();
        if (!a.parseMsr(b, s, e)) {
            out.add("payload", new String(b, s, e - s, StandardCharsets.UTF_8));
            return;
        }
        out.add("rw", a.write ? "write" : "read");
        out.add("msr", hex(a.key), a.key);
        String n = MsrNames.name(a.key);
        if (n != null) out.add("msr_name", n);
        if (a.value >= 0) out.add("data", hex(a.value), a.value);
        if (a.faulted) out.add("exception", "#GP");
    }

    /** {@code reason KVM_EXIT_IO (2)}; a failed KVM_RUN prints the errno name: {@code reason restart (4)}. */
    static void userspaceExit(byte[] b, int s, int e, EventFields out) {
        int r = ByteText.indexOf(b, s, e, "reason ");
        int open = ByteText.indexOf(b, s, e, (byte) '(');
        int close = open < 0 ? -1 : ByteText.indexOf(b, open, e, (byte) ')');
        if (r < 0) {
            out.add("payload", new String(b, s, e - s, StandardCharsets.UTF_8));
            return;
        }
        int ns = r + 7, ne = open < 0 ? e : open;
        while (ne > ns && ByteText.isSpace(b[ne - 1])) ne--;
        out.add("reason", new String(b, ns, ne - ns, StandardCharsets.ISO_8859_1));
        if (close > open) {
            long v = ByteText.parseDecimal(b, open + 1, close);
            if (v >= 0) out.add("code", v);
        }
    }

    /** {@code IRQ 0x22} (older), {@code IRQ 0xec [reinjected]} or {@code Soft/INTn 0x80} (6.x). */
    static void injVirq(byte[] b, int s, int e, EventFields out) {
        Tokens t = new Tokens().reset(b, s, e);
        if (!t.next()) return;
        out.add("kind", t.text());
        long irq = t.nextHex();
        if (irq >= 0) out.add("irq", hex(irq), irq);
        if (ByteText.indexOf(b, s, e, "[reinjected]") >= 0) out.add("reinjected", 1);
    }

    /** {@code address 7fff error_code 6} (older) or {@code vcpu 0 rip 0x.. address 0x.. error_code 0x..}. */
    static void pageFault(byte[] b, int s, int e, EventFields out) {
        Tokens t = new Tokens().reset(b, s, e);
        while (t.next()) {
            if (t.is("vcpu")) out.add("vcpu", t.nextDecimal());
            else if (t.is("rip")) {
                long v = t.nextHex();
                out.add("rip", hex(v), v);
            } else if (t.is("address")) {
                long v = t.nextHex();
                out.add("address", hex(v), v);
            } else if (t.is("error_code")) {
                long v = t.nextHex();
                out.add("error_code", hex(v), v);
                out.add("access", FaultBits.npfErrorCode(v));
            }
        }
    }
}
