package dev.virtscope.analysis.qemu;

/**
 * Names of {@code kvm_run.exit_reason} values (KVM_EXIT_* in linux/kvm.h), which QEMU's
 * kvm_run_exit event and the kernel's kvm_userspace_exit report as numbers.
 */
public final class KvmExitReason {
    private static final String[] NAMES = {
            "UNKNOWN", "EXCEPTION", "IO", "HYPERCALL", "DEBUG", "HLT", "MMIO", "IRQ_WINDOW_OPEN", "SHUTDOWN",
            "FAIL_ENTRY", "INTR", "SET_TPR", "TPR_ACCESS", "S390_SIEIC", "S390_RESET", "DCR", "NMI",
            "INTERNAL_ERROR", "OSI", "PAPR_HCALL", "S390_UCONTROL", "WATCHDOG", "S390_TSCH", "EPR",
            "SYSTEM_EVENT", "S390_STSI", "IOAPIC_EOI", "HYPERV", "ARM_NISV", "X86_RDMSR", "X86_WRMSR",
            "DIRTY_RING_FULL", "AP_RESET_HOLD", "X86_BUS_LOCK", "XEN", "RISCV_SBI", "RISCV_CSR", "NOTIFY",
            "LOONGARCH_IOCSR", "MEMORY_FAULT", "TDX"
    };

    private KvmExitReason() {
    }

    /** {@code IO} for 2; {@code UNKNOWN_REASON_99} for numbers this table does not know. */
    public static String name(long reason) {
        return reason >= 0 && reason < NAMES.length ? NAMES[(int) reason] : "UNKNOWN_REASON_" + reason;
    }

    /** The number of a name ({@code IO} or {@code KVM_EXIT_IO}), or -1. */
    public static int of(String name) {
        String n = name.startsWith("KVM_EXIT_") ? name.substring(9) : name;
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(n)) return i;
        return -1;
    }

    public static int known() {
        return NAMES.length;
    }
}
