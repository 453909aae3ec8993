package dev.virtscope.session;

import java.util.Arrays;

import dev.virtscope.analysis.qemu.KernelUserspaceExits;
import dev.virtscope.decode.qemu.QemuArgs;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.Payload;
import dev.virtscope.store.TaskTable;

/**
 * Proposes the clock offset of a QEMU trace against a kernel trace of the same run by matching
 * the kernel's {@code kvm_userspace_exit} (KVM_EXIT_* reasons only; "restart" is an interrupted
 * ioctl, which QEMU does not trace) with QEMU's {@code kvm_run_exit} of the same vCPU. Either
 * trace may start earlier, so per vCPU the two exit sequences are lined up at the shift (within
 * {@link #MAX_SHIFT} events) where the most exit reasons agree; the proposal is the median of
 * kernel time minus QEMU time over all agreeing pairs. It carries the small delay between the
 * kernel's tracepoint and QEMU's (microseconds: the return from the ioctl).
 */
public final class OffsetProposal {
    public static final int MAX_SHIFT = 256;
    static final int MAX_PAIRS = 8192;

    /**
     * @param offsetNs add to the QEMU file's times to place them on the kernel file's clock
     * @param pairs    matched exits behind the median (0: no proposal)
     * @param spreadNs median absolute deviation of the differences: small means a trustworthy match
     */
    public record Proposal(long offsetNs, int pairs, long spreadNs) {
    }

    private OffsetProposal() {
    }

    public static Proposal propose(EventStore kernel, EventStore qemu) {
        Exits k = kernelExits(kernel);
        Exits q = qemuExits(qemu);
        LongList diffs = new LongList();
        for (int v = 0; v < Math.min(k.perVcpu.length, q.perVcpu.length); v++) {
            if (k.perVcpu[v] == null || q.perVcpu[v] == null) continue;
            align(k.perVcpu[v], k.reasons[v], q.perVcpu[v], q.reasons[v], diffs);
        }
        if (diffs.size() == 0) return new Proposal(0, 0, 0);
        long[] d = diffs.toArray();
        Arrays.sort(d);
        long median = d[d.length / 2];
        long[] dev = new long[d.length];
        for (int i = 0; i < d.length; i++) dev[i] = Math.abs(d[i] - median);
        Arrays.sort(dev);
        return new Proposal(median, d.length, dev[dev.length / 2]);
    }

    private static void align(LongList kt, LongList kr, LongList qt, LongList qr, LongList out) {
        int nq = Math.min(qt.size(), MAX_PAIRS);
        int best = Integer.MIN_VALUE, bestMatches = -1;
        for (int s = -MAX_SHIFT; s <= MAX_SHIFT; s++) {
            int m = 0;
            for (int i = Math.max(0, -s); i < nq && i + s < kt.size(); i++) if (kr.get(i + s) == qr.get(i)) m++;
            if (m > bestMatches) {
                bestMatches = m;
                best = s;
            }
        }
        if (bestMatches <= 0) return;
        for (int i = Math.max(0, -best); i < nq && i + best < kt.size(); i++) {
            if (kr.get(i + best) == qr.get(i)) out.add(kt.get(i + best) - qt.get(i));
        }
    }

    /** Exit times and reasons per vCPU. */
    private static final class Exits {
        LongList[] perVcpu = new LongList[0];
        LongList[] reasons = new LongList[0];

        void add(int v, long ts, long reason) {
            if (v >= perVcpu.length) {
                perVcpu = Arrays.copyOf(perVcpu, v + 1);
                reasons = Arrays.copyOf(reasons, v + 1);
            }
            if (perVcpu[v] == null) {
                perVcpu[v] = new LongList();
                reasons[v] = new LongList();
            }
            perVcpu[v].add(ts);
            reasons[v].add(reason);
        }
    }

    private static Exits kernelExits(EventStore s) {
        Exits out = new Exits();
        int type = s.typeId("kvm_userspace_exit");
        if (type < 0) return out;
        Payload p = new Payload();
        TaskTable tasks = s.tasks();
        for (int i = 0; i < s.size(); i++) {
            if (s.type(i) != type) continue;
            int ti = s.taskIndex(i);
            int v = ti < 0 ? -1 : tasks.vcpu(ti);
            if (v < 0) v = TaskTable.vcpuFromComm(s.comm(i));
            if (v < 0 || v > 1 << 12) continue;
            // "reason KVM_EXIT_IO (2)"; restart/error exits are not seen by QEMU's kvm_run_exit
            int r = KernelUserspaceExits.reason(s, i, p);
            if (r >= 0) out.add(v, s.ts(i), r);
        }
        return out;
    }

    private static Exits qemuExits(EventStore s) {
        Exits out = new Exits();
        int type = s.typeId("kvm_run_exit");
        if (type < 0) return out;
        Payload p = new Payload();
        for (int i = 0; i < s.size(); i++) {
            if (s.type(i) != type) continue;
            s.payload(i, p);
            long v = QemuArgs.number(p, "cpu_index"), r = QemuArgs.number(p, "reason");
            if (v >= 0 && v <= 1 << 12 && r >= 0) out.add((int) v, s.ts(i), r);
        }
        return out;
    }
}
