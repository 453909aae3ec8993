package dev.virtscope.analysis.vcpu;

/**
 * The states a vCPU thread is drawn in, as byte codes stored per interval. {@link #NONE} is the
 * absence of an interval (state unknown: before the thread's first KVM event, or after lost events).
 */
public final class VcpuState {
    /** No interval: the state is not known there. */
    public static final byte NONE = -1;
    /** kvm_entry → kvm_exit: the CPU runs guest code. */
    public static final byte GUEST = 0;
    /** kvm_exit → kvm_entry (or → kvm_userspace_exit): the host kernel handles the exit; reason = exit reason id. */
    public static final byte HOST_EXIT = 1;
    /** kvm_userspace_exit (or QEMU kvm_run_exit) → the next kvm_entry (or KVM_RUN): QEMU handles the exit. */
    public static final byte USERSPACE = 2;
    /** sched_switch away from the thread → sched_switch back to it. */
    public static final byte NOT_RUNNING = 3;
    /** How many states there are (codes 0 … COUNT-1). */
    public static final int COUNT = 4;

    private static final String[] NAMES = {"in guest", "in host (exit)", "in QEMU userspace", "not running"};

    private VcpuState() {
    }

    public static String name(int state) {
        return state >= 0 && state < COUNT ? NAMES[state] : "unknown";
    }
}
