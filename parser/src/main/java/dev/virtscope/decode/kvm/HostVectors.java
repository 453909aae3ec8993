package dev.virtscope.decode.kvm;

/**
 * Names of the host's system interrupt vectors, as found in bits 7:0 of intr_info of a
 * VMX EXTERNAL_INTERRUPT exit (the interrupt that made the CPU leave the guest; SVM does not report
 * it: its intr_info is EXITINTINFO, the event being delivered to the guest). The table follows
 * Linux arch/x86/include/asm/irq_vectors.h as of v6.10: 0xeb POSTED_MSI_NOTIFICATION came with commit
 * f5a3562ec9dd ("x86/irq: Reserve a per CPU IDT vector for posted MSIs", v6.10); older kernels used 0xf5
 * for UV_BAU_MESSAGE, left unnamed here. Vectors 0x20..0xea are dynamically allocated to
 * devices, so they have no fixed name.
 */
public final class HostVectors {
    private static final String[] NAMES = new String[256];

    static {
        NAMES[0xff] = "SPURIOUS_APIC";
        NAMES[0xfe] = "ERROR_APIC";
        NAMES[0xfd] = "RESCHEDULE";
        NAMES[0xfc] = "CALL_FUNCTION";
        NAMES[0xfb] = "CALL_FUNCTION_SINGLE";
        NAMES[0xfa] = "THERMAL_APIC";
        NAMES[0xf9] = "THRESHOLD_APIC";
        NAMES[0xf8] = "REBOOT";
        NAMES[0xf7] = "X86_PLATFORM_IPI";
        NAMES[0xf6] = "IRQ_WORK";
        NAMES[0xf4] = "DEFERRED_ERROR";
        NAMES[0xf3] = "HYPERVISOR_CALLBACK";
        NAMES[0xf2] = "POSTED_INTR";
        NAMES[0xf1] = "POSTED_INTR_WAKEUP";
        NAMES[0xf0] = "POSTED_INTR_NESTED";
        NAMES[0xef] = "MANAGED_IRQ_SHUTDOWN";
        NAMES[0xee] = "HYPERV_REENLIGHTENMENT";
        NAMES[0xed] = "HYPERV_STIMER0";
        NAMES[0xec] = "LOCAL_TIMER";
        NAMES[0xeb] = "POSTED_MSI_NOTIFICATION";
        NAMES[0x80] = "IA32_SYSCALL";
        NAMES[0x02] = "NMI";
    }

    private HostVectors() {
    }

    /** intr_info → vector, or -1 when the valid bit (31) is clear. */
    public static int vectorOf(long intrInfo) {
        return (intrInfo & 0x8000_0000L) == 0 ? -1 : (int) (intrInfo & 0xff);
    }

    /** Name of a vector (without the _VECTOR suffix), or {@code vector 0x..} for device vectors. */
    public static String name(int vector) {
        if (vector < 0 || vector > 255) return "none";
        String n = NAMES[vector];
        return n != null ? n : String.format("vector 0x%02x", vector);
    }
}
