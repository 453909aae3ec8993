package dev.virtscope.decode.kvm;

/**
 * Meaning of the qualification words of memory exits. VMX EPT_VIOLATION: the exit
 * qualification (info1 in kvm_exit) per Intel SDM vol. 3 table 28-7 — bit 0 read, 1 write,
 * 2 instruction fetch, 3/4/5 the GPA was readable/writable/executable, 7 the GPA field is valid,
 * 8 the access was to the final translation (not to a paging structure). SVM npf: EXITINFO1 is a
 * page-fault error code (AMD APM vol. 2 §15.25.6) — bit 0 present, 1 write, 2 user, 3 reserved bit,
 * 4 instruction fetch; bits 32/33 say whether the fault hit the final address or a page table.
 */
public final class FaultBits {
    private FaultBits() {
    }

    public static String eptViolation(long q) {
        StringBuilder sb = new StringBuilder();
        if ((q & 1) != 0) sb.append("read ");
        if ((q & 2) != 0) sb.append("write ");
        if ((q & 4) != 0) sb.append("fetch ");
        sb.append("gpa:");
        sb.append((q & 8) != 0 ? 'r' : '-').append((q & 16) != 0 ? 'w' : '-').append((q & 32) != 0 ? 'x' : '-');
        if ((q & 0x80) != 0) sb.append((q & 0x100) != 0 ? " final" : " paging-structure");
        return sb.toString();
    }

    public static String npfErrorCode(long e) {
        StringBuilder sb = new StringBuilder();
        sb.append((e & 1) != 0 ? "present" : "not-present");
        if ((e & 2) != 0) sb.append(" write");
        if ((e & 4) != 0) sb.append(" user");
        if ((e & 8) != 0) sb.append(" reserved");
        if ((e & 16) != 0) sb.append(" fetch");
        if ((e & (1L << 32)) != 0) sb.append(" final");
        if ((e & (1L << 33)) != 0) sb.append(" page-table");
        return sb.toString();
    }
}
