package dev.virtscope.decode.kvm;

/**
 * kvm lines as real tools printed them (docs: FORMATS.md §6 for kvm_exit/kvm_entry, samples/generated
 * for kvm_pio and kvm_userspace_exit). Lines marked FROM_FORMAT are the kernel's TP_printk format filled
 * with values because no published line of that kernel version was found; they say so in their name.
 */
public final class RealKvmLines {
    private RealKvmLines() {
    }

    /** kernel trace_pipe, 5.10+, host vector 0xec */
    public static final String EXIT_510_LOCAL_TIMER =
            "CPU 0/KVM-4432    [004] d... 416798.620167: kvm_exit: vcpu 0 reason EXTERNAL_INTERRUPT rip 0x771eeb94 info1 0x0000000000000000 info2 0x0000000000000000 intr_info 0x800000ec error_code 0x00000000";
    /** kernel trace_pipe, 5.10+ with 5-char flags, host vector 0xf6 */
    public static final String EXIT_510_IRQ_WORK =
            "CPU 0/KVM-19232  [000] d..1. 2666636.979020: kvm_exit: vcpu 0 reason EXTERNAL_INTERRUPT rip 0xffffffff9be4398b info1 0x0000000000000000 info2 0x0000000000000000 intr_info 0x800000f6 error_code 0x00000000";
    /** perf script of kvm:kvm_exit + kvm:kvm_entry */
    public static final String PERF_EXIT_MSR_WRITE =
            "CPU 0/KVM 18292 [124] 151678.240967: kvm:kvm_exit: vcpu 0 reason MSR_WRITE rip 0xffffffff9ae6cf64 info1 0x0000000000000000 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000";
    public static final String PERF_ENTRY =
            "CPU 0/KVM 18292 [124] 151678.240969: kvm:kvm_entry: vcpu 0, rip 0xffffffff9ae6cf66";
    /** trace-cmd report with its kvm plugin (payloads only, as published) */
    public static final String PLUGIN_EXIT_PAYLOAD = "reason HLT rip 0xffffffffb33f2e5f info 0 0";
    public static final String PLUGIN_ENTRY_PAYLOAD = " vcpu 0 rip 0xffffffffb33f2e60";
    /** kernel ≤ 5.9 "vcpu %u reason %s rip 0x%lx info %llx %llx" filled in */
    public static final String FROM_FORMAT_EXIT_59_PAYLOAD = "vcpu 1 reason EPT_VIOLATION rip 0xffffffff8106a0b6 info 181 0";
    /** kernel 6.18: the 5.10+ payload followed by " requests 0x%016llx" */
    public static final String FROM_FORMAT_EXIT_618_PAYLOAD =
            "vcpu 2 reason HLT rip 0xffffffff81c2f54f info1 0x0000000000000000 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000 requests 0x0000000000000010";
    /** an SVM host: the same format, reason from SVM_EXIT_REASONS */
    public static final String FROM_FORMAT_EXIT_SVM_NPF_PAYLOAD =
            "vcpu 3 reason npf rip 0xffffffff81071a2e info1 0x0000000200000006 info2 0x00000000fee000b0 intr_info 0x00000000 error_code 0x00000000";
    public static final String FROM_FORMAT_EXIT_SVM_DE_PAYLOAD =
            "vcpu 0 reason DE excp rip 0x401000 info1 0x0000000000000000 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000";
    public static final String PIO_WRITE_RTC =
            "       CPU 0/KVM-1976    (   1971) [000] .....  1043.691572: kvm_pio: pio_write at 0x70 size 1 count 1 val 0x8f ";
    public static final String PIO_READ_RTC =
            "       CPU 0/KVM-1976    (   1971) [000] .....  1043.691602: kvm_pio: pio_read at 0x71 size 1 count 1 val 0x0 ";
    public static final String USERSPACE_EXIT_IO =
            "       CPU 0/KVM-1976    (   1971) [000] .....  1043.691580: kvm_userspace_exit: reason KVM_EXIT_IO (2)";
    public static final String USERSPACE_EXIT_RESTART =
            "       CPU 1/KVM-1977    (   1971) [001] .N...  1043.691426: kvm_userspace_exit: reason restart (4)";
    /** kvm_msr / kvm_mmio TP_printk filled in ("msr_%s %x = 0x%llx%s", "mmio %s len %u gpa 0x%llx val 0x%llx") */
    public static final String FROM_FORMAT_MSR_WRITE_TSC_DEADLINE_PAYLOAD = "msr_write 6e0 = 0x3f0b5c2bd1e";
    public static final String FROM_FORMAT_MSR_READ_GP_PAYLOAD = "msr_read 40000070 = 0x0 (#GP)";
    public static final String FROM_FORMAT_MMIO_WRITE_PAYLOAD = "mmio write len 4 gpa 0xfee000b0 val 0x0";
    public static final String FROM_FORMAT_MMIO_READ_PAYLOAD = "mmio read len 4 gpa 0xfed00f0 val 0x1a2b";
}
