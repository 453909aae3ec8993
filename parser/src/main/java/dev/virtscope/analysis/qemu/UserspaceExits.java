package dev.virtscope.analysis.qemu;

import java.util.Arrays;

import dev.virtscope.decode.qemu.QemuArgs;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LostEvents;
import dev.virtscope.store.Payload;

/**
 * Time a vCPU spends in QEMU (user space) per KVM exit: from QEMU's {@code kvm_run_exit} to the
 * next {@code kvm_vcpu_ioctl} with type KVM_RUN (0xae80) of the same vCPU ({@code cpu_index}).
 * Intervals are kept as parallel primitive arrays (start, end, vCPU, exit reason) so any
 * histogram or percentile code can take them. An exit whose KVM_RUN never comes, or that spans
 * a lost-events marker, yields no interval.
 */
public final class UserspaceExits {
    /** {@code _IO(KVMIO, 0x80)}: the KVM_RUN ioctl number. */
    public static final long KVM_RUN = 0xae80;

    /** Pseudo reasons of the kernel's kvm_userspace_exit when KVM_RUN failed: EINTR ("restart") or another errno. */
    public static final int RESTART = -2, ERROR = -3;

    private long[] start = new long[256], end = new long[256];
    private int[] vcpu = new int[256], reason = new int[256], tid = new int[256];
    private int size;

    public static UserspaceExits of(EventStore s) {
        UserspaceExits out = new UserspaceExits();
        int exit = s.typeId("kvm_run_exit");
        int ioctl = s.typeId("kvm_vcpu_ioctl");
        if (exit < 0 || ioctl < 0) return out;
        long[] pendingTs = new long[8];
        int[] pendingReason = new int[8];
        Arrays.fill(pendingTs, Long.MIN_VALUE);
        long[] lostTs = lostTimes(s.lost());
        Payload p = new Payload();
        for (int i = 0; i < s.size(); i++) {
            int t = s.type(i);
            if (t != exit && t != ioctl) continue;
            s.payload(i, p);
            long c = QemuArgs.number(p, "cpu_index");
            if (c < 0 || c > 1 << 16) continue;
            int v = (int) c;
            if (v >= pendingTs.length) {
                int old = pendingTs.length;
                pendingTs = Arrays.copyOf(pendingTs, v + 8);
                pendingReason = Arrays.copyOf(pendingReason, v + 8);
                Arrays.fill(pendingTs, old, pendingTs.length, Long.MIN_VALUE);
            }
            if (t == exit) {
                long r = QemuArgs.number(p, "reason");
                pendingTs[v] = s.ts(i);
                pendingReason[v] = (int) r;
            } else if (QemuArgs.number(p, "type") == KVM_RUN && pendingTs[v] != Long.MIN_VALUE) {
                if (!lostBetween(lostTs, pendingTs[v], s.ts(i))) out.add(pendingTs[v], s.ts(i), v, pendingReason[v], s.tid(i));
                pendingTs[v] = Long.MIN_VALUE;
            }
        }
        return out;
    }

    private static long[] lostTimes(LostEvents lost) {
        long[] t = new long[lost.size()];
        for (int i = 0; i < t.length; i++) t[i] = lost.ts(i);
        Arrays.sort(t);
        return t;
    }

    private static boolean lostBetween(long[] sorted, long a, long b) {
        int k = Arrays.binarySearch(sorted, a);
        if (k < 0) k = -k - 1;
        return k < sorted.length && sorted[k] <= b;
    }

    void add(long s, long e, int v, int r, int t) {
        if (size == start.length) {
            int c = size * 2;
            start = Arrays.copyOf(start, c);
            end = Arrays.copyOf(end, c);
            vcpu = Arrays.copyOf(vcpu, c);
            reason = Arrays.copyOf(reason, c);
            tid = Arrays.copyOf(tid, c);
        }
        start[size] = s;
        end[size] = e;
        vcpu[size] = v;
        reason[size] = r;
        tid[size] = t;
        size++;
    }

    /** KVM_EXIT_* name without its prefix ({@code IO}), or {@code restart} / {@code error}. */
    public static String reasonName(int r) {
        return r == RESTART ? "restart" : r == ERROR ? "error" : KvmExitReason.name(r);
    }

    /** A reason given by name: {@code IO}, {@code KVM_EXIT_IO}, {@code restart}, {@code error}; case-insensitive; or null. */
    public static Integer reasonOf(String name) {
        if (name.equalsIgnoreCase("restart")) return RESTART;
        if (name.equalsIgnoreCase("error")) return ERROR;
        int r = KvmExitReason.of(name.toUpperCase(java.util.Locale.ROOT));
        return r < 0 ? null : r;
    }

    public int size() {
        return size;
    }

    public long start(int i) {
        return start[i];
    }

    public long end(int i) {
        return end[i];
    }

    public int vcpu(int i) {
        return vcpu[i];
    }

    public int reason(int i) {
        return reason[i];
    }

    /** Thread of the interval's end event (the vCPU thread), or 0 when the format has none. */
    public int tid(int i) {
        return tid[i];
    }

    public long duration(int i) {
        return end[i] - start[i];
    }

    /** Durations (ns) of the intervals of one exit reason, in time order. */
    public long[] durationsOf(int exitReason) {
        int n = 0;
        for (int i = 0; i < size; i++) if (reason[i] == exitReason) n++;
        long[] d = new long[n];
        n = 0;
        for (int i = 0; i < size; i++) if (reason[i] == exitReason) d[n++] = end[i] - start[i];
        return d;
    }

    /** Exit reasons present, ascending. */
    public int[] reasons() {
        return Arrays.stream(Arrays.copyOf(reason, size)).distinct().sorted().toArray();
    }
}
