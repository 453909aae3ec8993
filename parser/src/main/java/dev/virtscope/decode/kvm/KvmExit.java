package dev.virtscope.decode.kvm;

import java.nio.charset.StandardCharsets;

import dev.virtscope.decode.ByteText;

/**
 * One decoded kvm_exit payload, reused from event to event. Accepts every printed form:
 * <ul>
 * <li>kernel ≤ 5.9: {@code vcpu 0 reason HLT rip 0xffffffff81 info 0 0}</li>
 * <li>kernel 5.10+: {@code vcpu 0 reason EXTERNAL_INTERRUPT rip 0x.. info1 0x.. info2 0x.. intr_info 0x800000ec error_code 0x0}</li>
 * <li>kernel 6.18: the same followed by {@code requests 0x..}</li>
 * <li>trace-cmd's kvm plugin: {@code reason HLT rip 0x.. info 0 0} (no vcpu)</li>
 * <li>perf script {@code kvm:kvm_exit}: the kernel form</li>
 * <li>raw fields, {@code trace-cmd report -R} and trace.dat records whose print fmt is not evaluated:
 *     {@code exit_reason=1024 guest_rip=0xfff0 isa=2 info1=0x.. info2=0x.. intr_info=0x.. error_code=0x.. vcpu_id=0};
 *     the number is named from the table {@code isa} selects, as the kernel's print fmt would
 *     ({@link ExitReasons#printedName}), so rows match the tracefs text of the same run</li>
 * </ul>
 * and an {@code isa N} pair wherever a tool prints it. The reason keeps its printed bytes: SVM names may
 * contain a space ({@code PF excp}) and VMX may append flags ({@code FAILED_VMENTRY}), so it runs up to
 * {@code " rip "}. Why MSR_READ/MSR_WRITE exits carry no MSR index here: the kernel does not print ecx in
 * kvm_exit, only the following kvm_msr event has it.
 */
public final class KvmExit {
    public static final long ABSENT = -1;

    public long vcpu = ABSENT;
    public byte[] bytes;
    public int reasonStart, reasonEnd;
    public long rip = ABSENT, info1 = ABSENT, info2 = ABSENT, intrInfo = ABSENT, errorCode = ABSENT, requests = ABSENT;
    public long isa = ABSENT;

    private final Tokens t = new Tokens();

    /** Decodes b[s,e); false when there is no {@code reason}. */
    public boolean parse(byte[] b, int s, int e) {
        vcpu = rip = info1 = info2 = intrInfo = errorCode = requests = isa = ABSENT;
        bytes = b;
        reasonStart = reasonEnd = -1;
        t.reset(b, s, e);
        while (t.next()) {
            if (t.is("vcpu")) vcpu = t.nextDecimal();
            else if (t.is("reason")) {
                int rs = ByteText.skipSpaces(b, t.stop, e);
                int rip = ByteText.indexOf(b, rs, e, " rip ");
                int re = rip < 0 ? e : rip;
                while (re > rs && ByteText.isSpace(b[re - 1])) re--;
                if (rip < 0) {
                    // no rip: the reason is the next token only
                    re = rs;
                    while (re < e && !ByteText.isSpace(b[re])) re++;
                }
                reasonStart = rs;
                reasonEnd = re;
                t.pos = re;
            } else if (t.is("rip")) rip = t.nextHex();
            else if (t.is("info")) {
                info1 = t.nextHex();
                info2 = t.nextHex();
            } else if (t.is("info1")) info1 = t.nextHex();
            else if (t.is("info2")) info2 = t.nextHex();
            else if (t.is("intr_info")) intrInfo = t.nextHex();
            else if (t.is("error_code")) errorCode = t.nextHex();
            else if (t.is("requests")) requests = t.nextHex();
            else if (t.is("isa")) isa = t.nextDecimal();
        }
        if (reasonStart < 0) return parseRaw(b, s, e, true);
        return reasonStart >= 0 && reasonEnd > reasonStart;
    }

    /** The raw-field form; {@code full} also reads the fields the hot path leaves ABSENT. */
    private boolean parseRaw(byte[] b, int s, int e, boolean full) {
        long code = RawFields.field(b, s, e, "exit_reason");
        if (code < 0) return false;
        long isaField = RawFields.field(b, s, e, "isa");
        byte[] name = ExitReasons.printedName(isaField < 0 ? ExitReasons.ISA_UNKNOWN : (int) isaField, code);
        bytes = name;
        reasonStart = 0;
        reasonEnd = name.length;
        vcpu = RawFields.field(b, s, e, "vcpu_id");
        intrInfo = RawFields.field(b, s, e, "intr_info");
        if (full) {
            isa = isaField;
            rip = RawFields.field(b, s, e, "guest_rip");
            info1 = RawFields.field(b, s, e, "info1");
            info2 = RawFields.field(b, s, e, "info2");
            errorCode = RawFields.field(b, s, e, "error_code");
            requests = RawFields.field(b, s, e, "requests");
        }
        return true;
    }

    /**
     * The hot-path subset for pairing millions of exits: vcpu, the reason's bytes and (only for interrupt
     * exits, where it names the host vector) intr_info; the other fields, {@code isa} included, are left
     * ABSENT (the reason name tells the ISA). Same grammar as {@link #parse}; false when there is no
     * {@code reason}.
     */
    public boolean parseKey(byte[] b, int s, int e) {
        vcpu = rip = info1 = info2 = intrInfo = errorCode = requests = isa = ABSENT;
        bytes = b;
        reasonStart = reasonEnd = -1;
        int i = ByteText.skipSpaces(b, s, e);
        if (ByteText.startsWith(b, i, e, "vcpu ")) {
            int d = i + 5, j = d;
            while (j < e && ByteText.isDigit(b[j])) j++;
            vcpu = ByteText.parseDecimal(b, d, j);
            i = j;
        }
        int r = ByteText.indexOf(b, i, e, "reason ");
        if (r < 0) return parseRaw(b, s, e, false);
        int rs = r + 7;
        int rip = ByteText.indexOf(b, rs, e, " rip ");
        int re = rip;
        if (re < 0) {
            re = rs;
            while (re < e && !ByteText.isSpace(b[re])) re++;
        }
        if (re <= rs) return false;
        reasonStart = rs;
        reasonEnd = re;
        // EXTERNAL_INTERRUPT (VMX) / interrupt (SVM): the only reasons whose sub-key is intr_info
        int len = re - rs;
        if ((len == 18 && b[rs] == 'E' && b[rs + 1] == 'X') || (len == 9 && b[rs] == 'i' && b[rs + 1] == 'n')) {
            int at = ByteText.indexOf(b, re, e, " intr_info ");
            if (at >= 0) {
                int hs = at + 11, he = hs;
                while (he < e && !ByteText.isSpace(b[he])) he++;
                intrInfo = ByteText.parseHex(b, hs, he);
            }
        }
        return true;
    }

    public String reason() {
        return reasonStart < 0 ? "" : new String(bytes, reasonStart, reasonEnd - reasonStart, StandardCharsets.ISO_8859_1);
    }

    /** Host vector of an EXTERNAL_INTERRUPT exit (intr_info bits 7:0), or -1. */
    public int hostVector() {
        return intrInfo == ABSENT ? -1 : HostVectors.vectorOf(intrInfo);
    }
}
