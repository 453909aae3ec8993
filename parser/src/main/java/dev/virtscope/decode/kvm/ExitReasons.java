package dev.virtscope.decode.kvm;

import java.util.HashMap;
import java.util.Map;

/**
 * Exit reason number ↔ name for both x86 ISAs, with the names the kernel prints through
 * {@code __print_symbolic} in the kvm_exit event: VMX_EXIT_REASONS from
 * arch/x86/include/uapi/asm/vmx.h and SVM_EXIT_REASONS from arch/x86/include/uapi/asm/svm.h
 * (Linux 6.x). VMX names are upper case, SVM names lower case, so a printed name tells the ISA; trace-cmd's
 * kvm plugin prints SVM reasons as {@code EXIT_<SVM_EXIT_* suffix>} ({@code EXIT_NPF}), accepted too.
 * A reason outside the table is printed by the kernel as a hex number; {@link #lookup} handles that too.
 */
public final class ExitReasons {
    /** isa value in the kvm_exit record: KVM_ISA_VMX = 1, KVM_ISA_SVM = 2. */
    public static final int ISA_UNKNOWN = 0, ISA_VMX = 1, ISA_SVM = 2;

    public static final int VMX_EXTERNAL_INTERRUPT = 1, VMX_HLT = 12, VMX_IO_INSTRUCTION = 30, VMX_MSR_READ = 31,
            VMX_MSR_WRITE = 32, VMX_EPT_VIOLATION = 48, VMX_EPT_MISCONFIG = 49;
    public static final int SVM_INTR = 0x060, SVM_HLT = 0x078, SVM_IOIO = 0x07b, SVM_MSR = 0x07c, SVM_NPF = 0x400;

    private static final Map<Integer, String> VMX = new HashMap<>();
    private static final Map<Integer, String> SVM = new HashMap<>();
    private static final Map<String, Long> BY_NAME = new HashMap<>();

    static {
        Object[] vmx = {0, "EXCEPTION_NMI", 1, "EXTERNAL_INTERRUPT", 2, "TRIPLE_FAULT", 3, "INIT_SIGNAL",
                4, "SIPI_SIGNAL", 7, "INTERRUPT_WINDOW", 8, "NMI_WINDOW", 9, "TASK_SWITCH", 10, "CPUID",
                11, "GETSEC", 12, "HLT", 13, "INVD", 14, "INVLPG", 15, "RDPMC", 16, "RDTSC", 18, "VMCALL",
                19, "VMCLEAR", 20, "VMLAUNCH", 21, "VMPTRLD", 22, "VMPTRST", 23, "VMREAD", 24, "VMRESUME",
                25, "VMWRITE", 26, "VMOFF", 27, "VMON", 28, "CR_ACCESS", 29, "DR_ACCESS", 30, "IO_INSTRUCTION",
                31, "MSR_READ", 32, "MSR_WRITE", 33, "INVALID_STATE", 34, "MSR_LOAD_FAIL", 36, "MWAIT_INSTRUCTION",
                37, "MONITOR_TRAP_FLAG", 39, "MONITOR_INSTRUCTION", 40, "PAUSE_INSTRUCTION",
                41, "MCE_DURING_VMENTRY", 43, "TPR_BELOW_THRESHOLD", 44, "APIC_ACCESS", 45, "EOI_INDUCED",
                46, "GDTR_IDTR", 47, "LDTR_TR", 48, "EPT_VIOLATION", 49, "EPT_MISCONFIG", 50, "INVEPT",
                51, "RDTSCP", 52, "PREEMPTION_TIMER", 53, "INVVPID", 54, "WBINVD", 55, "XSETBV", 56, "APIC_WRITE",
                57, "RDRAND", 58, "INVPCID", 59, "VMFUNC", 60, "ENCLS", 61, "RDSEED", 62, "PML_FULL", 63, "XSAVES",
                64, "XRSTORS", 67, "UMWAIT", 68, "TPAUSE", 74, "BUS_LOCK", 75, "NOTIFY", 77, "TDCALL"};
        // older kernels printed PENDING_INTERRUPT for 7 (renamed INTERRUPT_WINDOW in 5.8)
        BY_NAME.put("PENDING_INTERRUPT", pack(ISA_VMX, 7));
        for (int k = 0; k < vmx.length; k += 2) put(VMX, ISA_VMX, (Integer) vmx[k], (String) vmx[k + 1]);

        Object[] svm = {0x000, "read_cr0", 0x003, "read_cr3", 0x004, "read_cr4", 0x008, "read_cr8",
                0x010, "write_cr0", 0x013, "write_cr3", 0x014, "write_cr4", 0x018, "write_cr8",
                0x020, "read_dr0", 0x021, "read_dr1", 0x022, "read_dr2", 0x023, "read_dr3", 0x024, "read_dr4",
                0x025, "read_dr5", 0x026, "read_dr6", 0x027, "read_dr7", 0x030, "write_dr0", 0x031, "write_dr1",
                0x032, "write_dr2", 0x033, "write_dr3", 0x034, "write_dr4", 0x035, "write_dr5", 0x036, "write_dr6",
                0x037, "write_dr7", 0x040, "DE excp", 0x041, "DB excp", 0x043, "BP excp", 0x046, "UD excp",
                0x047, "NM excp", 0x048, "DF excp", 0x04a, "TS excp", 0x04b, "NP excp", 0x04c, "SS excp",
                0x04d, "GP excp", 0x04e, "PF excp", 0x050, "MF excp", 0x051, "AC excp", 0x052, "MC excp",
                0x053, "XM excp", 0x05e, "VC excp",
                0x060, "interrupt", 0x061, "nmi", 0x062, "smi", 0x063, "init", 0x064, "vintr",
                0x065, "cr0_sel_write", 0x066, "read_idtr", 0x067, "read_gdtr", 0x068, "read_ldtr",
                0x069, "read_rt", 0x06a, "write_idtr", 0x06b, "write_gdtr", 0x06c, "write_ldtr", 0x06d, "write_rt",
                0x06e, "rdtsc", 0x06f, "rdpmc", 0x070, "pushf", 0x071, "popf", 0x072, "cpuid", 0x073, "rsm",
                0x074, "iret", 0x075, "swint", 0x076, "invd", 0x077, "pause", 0x078, "hlt", 0x079, "invlpg",
                0x07a, "invlpga", 0x07b, "io", 0x07c, "msr", 0x07d, "task_switch", 0x07e, "ferr_freeze",
                0x07f, "shutdown", 0x080, "vmrun", 0x081, "hypercall", 0x082, "vmload", 0x083, "vmsave",
                0x084, "stgi", 0x085, "clgi", 0x086, "skinit", 0x087, "rdtscp", 0x088, "icebp", 0x089, "wbinvd",
                0x08a, "monitor", 0x08b, "mwait", 0x08c, "mwait_cond", 0x08d, "xsetbv", 0x08e, "rdpru",
                0x08f, "write_efer_trap", 0x090, "write_cr0_trap", 0x093, "write_cr3_trap", 0x094, "write_cr4_trap",
                0x098, "write_cr8_trap", 0x0a0, "invlpgb", 0x0a1, "invlpgb_sync", 0x0a2, "invpcid",
                0x0a5, "bus_lock", 0x0a6, "idle_hlt",
                0x400, "npf", 0x401, "avic_incomplete_ipi", 0x402, "avic_unaccelerated_access", 0x403, "vmgexit",
                -1, "invalid_guest_state"};
        for (int k = 0; k < svm.length; k += 2) put(SVM, ISA_SVM, (Integer) svm[k], (String) svm[k + 1]);

        // trace-cmd's kvm plugin (libtraceevent plugin_kvm.c) prints SVM reasons from its own table:
        // "EXIT_" + the SVM_EXIT_* macro suffix, e.g. "reason EXIT_NPF rip 0xfff0 info 100000014 fffffff0"
        Object[] plugin = {0x000, "READ_CR0", 0x003, "READ_CR3", 0x004, "READ_CR4", 0x008, "READ_CR8",
                0x010, "WRITE_CR0", 0x013, "WRITE_CR3", 0x014, "WRITE_CR4", 0x018, "WRITE_CR8",
                0x040, "EXCP_DE", 0x041, "EXCP_DB", 0x043, "EXCP_BP", 0x044, "EXCP_OF", 0x045, "EXCP_BR",
                0x046, "EXCP_UD", 0x047, "EXCP_NM", 0x048, "EXCP_DF", 0x04a, "EXCP_TS", 0x04b, "EXCP_NP",
                0x04c, "EXCP_SS", 0x04d, "EXCP_GP", 0x04e, "EXCP_PF", 0x050, "EXCP_MF", 0x051, "EXCP_AC",
                0x052, "EXCP_MC", 0x053, "EXCP_XF", 0x060, "INTR", 0x061, "NMI", 0x062, "SMI", 0x063, "INIT",
                0x064, "VINTR", 0x065, "CR0_SEL_WRITE", 0x066, "IDTR_READ", 0x067, "GDTR_READ", 0x068, "LDTR_READ",
                0x069, "TR_READ", 0x06a, "IDTR_WRITE", 0x06b, "GDTR_WRITE", 0x06c, "LDTR_WRITE", 0x06d, "TR_WRITE",
                0x06e, "RDTSC", 0x06f, "RDPMC", 0x070, "PUSHF", 0x071, "POPF", 0x072, "CPUID", 0x073, "RSM",
                0x074, "IRET", 0x075, "SWINT", 0x076, "INVD", 0x077, "PAUSE", 0x078, "HLT", 0x079, "INVLPG",
                0x07a, "INVLPGA", 0x07b, "IOIO", 0x07c, "MSR", 0x07d, "TASK_SWITCH", 0x07e, "FERR_FREEZE",
                0x07f, "SHUTDOWN", 0x080, "VMRUN", 0x081, "VMMCALL", 0x082, "VMLOAD", 0x083, "VMSAVE", 0x084, "STGI",
                0x085, "CLGI", 0x086, "SKINIT", 0x087, "RDTSCP", 0x088, "ICEBP", 0x089, "WBINVD", 0x08a, "MONITOR",
                0x08b, "MWAIT", 0x08c, "MWAIT_COND", 0x08d, "XSETBV", 0x08e, "RDPRU", 0x0a2, "INVPCID",
                0x400, "NPF", 0x401, "AVIC_INCOMPLETE_IPI", 0x402, "AVIC_UNACCELERATED_ACCESS", -1, "ERR"};
        for (int k = 0; k < plugin.length; k += 2) BY_NAME.put("EXIT_" + plugin[k + 1], pack(ISA_SVM, (Integer) plugin[k]));
        for (int dr = 0; dr < 8; dr++) {
            BY_NAME.put("EXIT_READ_DR" + dr, pack(ISA_SVM, 0x020 + dr));
            BY_NAME.put("EXIT_WRITE_DR" + dr, pack(ISA_SVM, 0x030 + dr));
        }
    }

    private ExitReasons() {
    }

    private static void put(Map<Integer, String> table, int isa, int code, String name) {
        table.put(code, name);
        BY_NAME.put(name, pack(isa, code));
    }

    private static long pack(int isa, int code) {
        return ((long) isa << 32) | (code & 0xffffffffL);
    }

    /** Printed name of a VMX basic exit reason (low 16 bits), or null. */
    public static String vmxName(int code) {
        return VMX.get(code & 0xffff);
    }

    /** Printed name of an SVM exit code, or null. */
    public static String svmName(int code) {
        return SVM.get(code);
    }

    private static final java.util.concurrent.ConcurrentHashMap<Long, byte[]> PRINTED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long VMX_FAILED_VMENTRY = 0x80000000L;

    /**
     * The reason text the kernel's kvm_exit print fmt makes of a raw {@code exit_reason} and {@code isa}
     * ({@code kvm_print_exit_reason} in arch/x86/kvm/trace.h): VMX names the low 16 bits and appends the
     * flags ({@code FAILED_VMENTRY}), SVM names the whole code, and a value outside the table prints as
     * {@code 0x..} like {@code __print_symbolic}; an unknown ISA gives the number in hex. Cached: the
     * same few reasons repeat millions of times.
     */
    public static byte[] printedName(int isa, long exitReason) {
        long v = exitReason & 0xffffffffL;
        return PRINTED.computeIfAbsent((long) isa << 32 | v, k -> printedText(isa, v).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static String printedText(int isa, long v) {
        if (isa == ISA_SVM) {
            String n = SVM.get((int) v);
            return n != null ? n : "0x" + Long.toHexString(v);
        }
        if (isa != ISA_VMX) return "0x" + Long.toHexString(v);
        String n = VMX.get((int) (v & 0xffff));
        StringBuilder sb = new StringBuilder(n != null ? n : "0x" + Long.toHexString(v & 0xffff));
        long flags = v & ~0xffffL;
        if (flags != 0) {
            sb.append(' ');
            if ((flags & VMX_FAILED_VMENTRY) != 0) {
                sb.append("FAILED_VMENTRY");
                flags &= ~VMX_FAILED_VMENTRY;
                if (flags != 0) sb.append(' ');
            }
            if (flags != 0) sb.append("0x").append(Long.toHexString(flags));
        }
        return sb.toString();
    }

    public static String name(int isa, int code) {
        String n = isa == ISA_SVM ? svmName(code) : vmxName(code);
        return n != null ? n : "0x" + Integer.toHexString(code);
    }

    /**
     * A printed reason → {@code isa << 32 | code}, or -1 when the name is in neither table.
     * A bare hex number (how __print_symbolic prints values outside the table) gives ISA_UNKNOWN.
     */
    public static long lookup(String printed) {
        Long v = BY_NAME.get(printed);
        if (v != null) return v;
        if (printed.startsWith("0x")) {
            try {
                return pack(ISA_UNKNOWN, (int) Long.parseLong(printed.substring(2), 16));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    public static int isaOf(long packed) {
        return packed < 0 ? ISA_UNKNOWN : (int) (packed >>> 32);
    }

    public static int codeOf(long packed) {
        return (int) packed;
    }

    public static boolean isHlt(String printed) {
        return "HLT".equals(printed) || "hlt".equals(printed) || "EXIT_HLT".equals(printed);
    }

    public static boolean isExternalInterrupt(String printed) {
        return "EXTERNAL_INTERRUPT".equals(printed) || "interrupt".equals(printed);
    }

    public static boolean isMsrExit(String printed) {
        return "MSR_READ".equals(printed) || "MSR_WRITE".equals(printed) || "msr".equals(printed) || "EXIT_MSR".equals(printed);
    }

    public static boolean isIoExit(String printed) {
        return "IO_INSTRUCTION".equals(printed) || "io".equals(printed) || "EXIT_IOIO".equals(printed);
    }
}
