package dev.virtscope.decode.kvm;

/**
 * A decoded kvm_entry payload: kernel {@code vcpu 0, rip 0xffffffff9ae6cf66} (newer kernels may add
 * {@code intr_info}/{@code error_code}), trace-cmd plugin {@code  vcpu 0 rip 0x...}, raw fields
 * ({@code trace-cmd report -R}) {@code vcpu_id=0 rip=0xfff0 immediate_exit=0}.
 */
public final class KvmEntry {
    public long vcpu = -1, rip = -1, intrInfo = -1, errorCode = -1;
    private final Tokens t = new Tokens();

    public boolean parse(byte[] b, int s, int e) {
        vcpu = rip = intrInfo = errorCode = -1;
        t.reset(b, s, e);
        while (t.next()) {
            if (t.is("vcpu") || t.is("vcpu_id")) vcpu = t.nextDecimal();
            else if (t.is("rip")) rip = t.nextHex();
            else if (t.is("intr_info")) intrInfo = t.nextHex();
            else if (t.is("error_code")) errorCode = t.nextHex();
        }
        if (vcpu < 0 && rip < 0) {
            vcpu = RawFields.field(b, s, e, "vcpu_id");
            rip = RawFields.field(b, s, e, "rip");
        }
        return vcpu >= 0 || rip >= 0;
    }
}
