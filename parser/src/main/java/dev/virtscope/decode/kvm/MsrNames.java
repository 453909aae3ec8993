package dev.virtscope.decode.kvm;

import java.util.HashMap;
import java.util.Map;

/**
 * Names of the MSRs guests touch most (arch/x86/include/asm/msr-index.h, the Hyper-V TLFS for
 * 0x400000xx, the x2APIC register map of the Intel SDM vol. 3 §11.12.1.2 for 0x800..0x8ff).
 */
public final class MsrNames {
    private static final Map<Long, String> NAMES = new HashMap<>();
    private static final String[] X2APIC = new String[256];

    static {
        Object[] t = {0x10L, "IA32_TSC", 0x1bL, "IA32_APICBASE", 0x3aL, "IA32_FEAT_CTL", 0x3bL, "IA32_TSC_ADJUST",
                0x48L, "IA32_SPEC_CTRL", 0x49L, "IA32_PRED_CMD", 0x8bL, "IA32_UCODE_REV", 0xe7L, "IA32_MPERF",
                0xe8L, "IA32_APERF", 0x10aL, "IA32_ARCH_CAPABILITIES", 0x174L, "IA32_SYSENTER_CS",
                0x175L, "IA32_SYSENTER_ESP", 0x176L, "IA32_SYSENTER_EIP", 0x179L, "IA32_MCG_CAP",
                0x17aL, "IA32_MCG_STATUS", 0x1a0L, "IA32_MISC_ENABLE", 0x1d9L, "IA32_DEBUGCTL", 0x277L, "IA32_PAT",
                0x38dL, "CORE_PERF_FIXED_CTR_CTRL", 0x38fL, "CORE_PERF_GLOBAL_CTRL", 0x390L, "CORE_PERF_GLOBAL_OVF_CTRL",
                0x6e0L, "IA32_TSC_DEADLINE", 0xc0000080L, "EFER", 0xc0000081L, "STAR", 0xc0000082L, "LSTAR",
                0xc0000083L, "CSTAR", 0xc0000084L, "SYSCALL_MASK", 0xc0000100L, "FS_BASE", 0xc0000101L, "GS_BASE",
                0xc0000102L, "KERNEL_GS_BASE", 0xc0000103L, "TSC_AUX", 0xc0010015L, "K7_HWCR",
                0x4b564d00L, "KVM_WALL_CLOCK_NEW", 0x4b564d01L, "KVM_SYSTEM_TIME_NEW", 0x4b564d02L, "KVM_ASYNC_PF_EN",
                0x4b564d03L, "KVM_STEAL_TIME", 0x4b564d04L, "KVM_PV_EOI_EN", 0x4b564d05L, "KVM_POLL_CONTROL",
                0x11L, "KVM_WALL_CLOCK", 0x12L, "KVM_SYSTEM_TIME",
                0x40000000L, "HV_X64_GUEST_OS_ID", 0x40000001L, "HV_X64_HYPERCALL", 0x40000002L, "HV_X64_VP_INDEX",
                0x40000003L, "HV_X64_RESET", 0x40000020L, "HV_X64_TIME_REF_COUNT", 0x40000021L, "HV_X64_REFERENCE_TSC",
                0x40000022L, "HV_X64_TSC_FREQUENCY", 0x40000023L, "HV_X64_APIC_FREQUENCY",
                0x40000070L, "HV_X64_EOI", 0x40000071L, "HV_X64_ICR", 0x40000072L, "HV_X64_TPR",
                0x40000073L, "HV_X64_VP_ASSIST_PAGE", 0x40000080L, "HV_X64_SCONTROL", 0x40000081L, "HV_X64_SVERSION",
                0x40000082L, "HV_X64_SIEFP", 0x40000083L, "HV_X64_SIMP", 0x40000084L, "HV_X64_EOM",
                0x400000b0L, "HV_X64_STIMER0_CONFIG", 0x400000b1L, "HV_X64_STIMER0_COUNT"};
        for (int k = 0; k < t.length; k += 2) NAMES.put((Long) t[k], (String) t[k + 1]);
        X2APIC[0x02] = "ID";
        X2APIC[0x03] = "VERSION";
        X2APIC[0x08] = "TPR";
        X2APIC[0x0a] = "PPR";
        X2APIC[0x0b] = "EOI";
        X2APIC[0x0d] = "LDR";
        X2APIC[0x0f] = "SIVR";
        for (int k = 0; k < 8; k++) {
            X2APIC[0x10 + k] = "ISR" + k;
            X2APIC[0x18 + k] = "TMR" + k;
            X2APIC[0x20 + k] = "IRR" + k;
        }
        X2APIC[0x28] = "ESR";
        X2APIC[0x2f] = "LVT_CMCI";
        X2APIC[0x30] = "ICR";
        X2APIC[0x32] = "LVT_TIMER";
        X2APIC[0x33] = "LVT_THERMAL";
        X2APIC[0x34] = "LVT_PMI";
        X2APIC[0x35] = "LVT_LINT0";
        X2APIC[0x36] = "LVT_LINT1";
        X2APIC[0x37] = "LVT_ERROR";
        X2APIC[0x38] = "TIMER_INITIAL_COUNT";
        X2APIC[0x39] = "TIMER_CURRENT_COUNT";
        X2APIC[0x3e] = "TIMER_DIVIDE";
        X2APIC[0x3f] = "SELF_IPI";
    }

    private MsrNames() {
    }

    /** Name of an MSR index, {@code X2APIC_<reg>} for 0x800..0x8ff, or null. */
    public static String name(long index) {
        if (index >= 0x800 && index <= 0x8ff) {
            String r = X2APIC[(int) (index - 0x800)];
            return "X2APIC_" + (r != null ? r : String.format("0x%02x", index - 0x800));
        }
        return NAMES.get(index);
    }

    /** {@code 0x6e0 IA32_TSC_DEADLINE}, or just the hex index when unnamed. */
    public static String describe(long index) {
        String n = name(index);
        return n == null ? "0x" + Long.toHexString(index) : "0x" + Long.toHexString(index) + " " + n;
    }
}
