package dev.virtscope.analysis.vcpu;

import java.util.Arrays;
import java.util.List;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.StringTable;

/**
 * The state of every vCPU thread over time — in guest, in the host handling an exit (by reason), in
 * QEMU userspace, not running — computed once from the store (see {@link VcpuStateBuilder} for the
 * rules) into primitive columns: start, end (ns), state code ({@link VcpuState}), reason code and
 * the event that began the interval. Intervals are grouped by thread, in time order, and never
 * overlap, so a time maps to an interval by binary search.
 *
 * <p>Reason code by state: HOST_EXIT — the exit reason id of {@link #exits()}; USERSPACE — an id in
 * {@link #userspaceReasons()} ({@code KVM_EXIT_IO}, {@code restart}); NOT_RUNNING — the first
 * character of sched_switch's prev_state ('S', 'D', 'R'); -1 when not known.
 *
 * <p>For drawing, per-state prefix sums of the durations and a max-tree over host-exit durations
 * let {@link StatePixels} find the dominant state of a pixel in O(log n) (about 60 bytes per interval with the max-tree).
 */
public final class VcpuStates {
    private final EventStore store;
    private final KvmExits exits;
    private final StringTable userspaceReasons;
    private final int[] taskOfThread, threadOfTask, threadFrom;
    final long[] start, end;
    final byte[] state;
    final int[] reason, event;
    /** cum[i·COUNT + s]: time in state s of intervals [0, i); interleaved so a pixel's lookups share cache lines */
    final long[] cum;
    final MaxTree longestHost;
    /** start of every 64th interval: searched first, so a lookup touches a small array and then one block */
    private final long[] sampledStart;
    private static final int SAMPLE_SHIFT = 6;
    private final long[] reasonTotalNs;

    private VcpuStates(EventStore s, KvmExits k, VcpuStateBuilder b, List<IntervalColumns> threads) {
        store = s;
        exits = k;
        userspaceReasons = b.userspaceReasons;
        taskOfThread = b.taskOfSlot.stream().mapToInt(Integer::intValue).toArray();
        threadOfTask = new int[s.tasks().size()];
        Arrays.fill(threadOfTask, -1);
        for (int t = 0; t < taskOfThread.length; t++) threadOfTask[taskOfThread[t]] = t;
        int n = 0;
        for (IntervalColumns c : threads) n += c.size;
        start = new long[n];
        end = new long[n];
        state = new byte[n];
        reason = new int[n];
        event = new int[n];
        threadFrom = new int[threads.size() + 1];
        int at = 0;
        for (int t = 0; t < threads.size(); t++) {
            threadFrom[t] = at;
            IntervalColumns c = threads.get(t);
            long prevEnd = Long.MIN_VALUE;
            for (int i = 0; i < c.size; i++) {
                // the layers do not overlap on real traces; clip defensively so searches stay valid
                long a = Math.max(c.start[i], prevEnd);
                if (a >= c.end[i]) continue;
                start[at] = a;
                end[at] = c.end[i];
                state[at] = c.state[i];
                reason[at] = c.reason[i];
                event[at] = c.event[i];
                prevEnd = c.end[i];
                at++;
            }
        }
        threadFrom[threads.size()] = at;
        cum = new long[VcpuState.COUNT * (at + 1)];
        long[] hostDur = new long[at];
        reasonTotalNs = new long[k.reasonCount()];
        for (int i = 0; i < at; i++) {
            long d = end[i] - start[i];
            for (int st = 0; st < VcpuState.COUNT; st++) {
                cum[(i + 1) * VcpuState.COUNT + st] = cum[i * VcpuState.COUNT + st] + (state[i] == st ? d : 0);
            }
            hostDur[i] = state[i] == VcpuState.HOST_EXIT ? d : -1;
            if (state[i] == VcpuState.HOST_EXIT && reason[i] >= 0) reasonTotalNs[reason[i]] += d;
        }
        longestHost = new MaxTree(hostDur, at);
        sampledStart = new long[(at >> SAMPLE_SHIFT) + 1];
        for (int i = 0; i < at; i += 1 << SAMPLE_SHIFT) sampledStart[i >> SAMPLE_SHIFT] = start[i];
    }

    public static VcpuStates of(EventStore s) {
        return of(s, KvmExits.of(s));
    }

    /** From an exit pairing already computed for the same store. */
    public static VcpuStates of(EventStore s, KvmExits k) {
        VcpuStateBuilder b = new VcpuStateBuilder(s, k);
        List<IntervalColumns> threads = b.build();
        return new VcpuStates(s, k, b, threads);
    }

    public EventStore store() {
        return store;
    }

    public KvmExits exits() {
        return exits;
    }

    /** Number of vCPU threads. */
    public int threads() {
        return taskOfThread.length;
    }

    public int taskOf(int thread) {
        return taskOfThread[thread];
    }

    /** Thread number of a task index, or -1 when the task is no vCPU thread. */
    public int threadOfTask(int task) {
        return task >= 0 && task < threadOfTask.length ? threadOfTask[task] : -1;
    }

    /** Intervals of a thread are [from(thread), to(thread)). */
    public int from(int thread) {
        return threadFrom[thread];
    }

    public int to(int thread) {
        return threadFrom[thread + 1];
    }

    public int size() {
        return start.length;
    }

    public long start(int i) {
        return start[i];
    }

    public long end(int i) {
        return end[i];
    }

    public byte state(int i) {
        return state[i];
    }

    public int reason(int i) {
        return reason[i];
    }

    /** Event that began the interval (kvm_exit, kvm_userspace_exit, sched_switch), or -1 (guest intervals). */
    public int event(int i) {
        return event[i];
    }

    /** The interval of a thread containing time t, or -1. */
    public int at(int thread, long t) {
        int i = lastStartAtOrBefore(thread, t);
        return i >= 0 && end[i] > t ? i : -1;
    }

    /** Last interval of the thread whose start is ≤ t, or -1. */
    int lastStartAtOrBefore(int thread, long t) {
        int lo = threadFrom[thread], hi = threadFrom[thread + 1], first = lo;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (start[m] <= t) lo = m + 1;
            else hi = m;
        }
        return lo - 1 >= first ? lo - 1 : -1;
    }

    /** First index in [lo, hi) whose interval starts at or after t (hi when none). */
    int firstStartAtOrAfter(int lo, int hi, long t) {
        // narrow [lo, hi) with the sampled starts (a small, cache-resident array) before searching the column:
        // sampled index m stands for interval m·64; only those inside [lo, hi) are used (one thread's, sorted)
        int s0 = (lo + (1 << SAMPLE_SHIFT) - 1) >> SAMPLE_SHIFT, s1 = ((hi - 1) >> SAMPLE_SHIFT) + 1;
        int slo = s0, shi = Math.max(s0, s1);
        while (slo < shi) {
            int m = (slo + shi) >>> 1;
            if (sampledStart[m] < t) slo = m + 1;
            else shi = m;
        }
        if (slo > s0) lo = ((slo - 1) << SAMPLE_SHIFT) + 1; // sampled slo-1 starts before t
        if (slo < s1) hi = slo << SAMPLE_SHIFT;             // sampled slo starts at or after t
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (start[m] < t) lo = m + 1;
            else hi = m;
        }
        return lo;
    }

    /** Total time the thread spent in a state. */
    public long totalNs(int thread, int st) {
        return cum[threadFrom[thread + 1] * VcpuState.COUNT + st] - cum[threadFrom[thread] * VcpuState.COUNT + st];
    }

    /** Time spent in host exits of a reason id, all threads together. */
    public long hostNsOfReason(int reasonId) {
        return reasonId >= 0 && reasonId < reasonTotalNs.length ? reasonTotalNs[reasonId] : 0;
    }

    /** Exit reason ids with host time, most time first. */
    public int[] reasonsPresent() {
        return java.util.stream.IntStream.range(0, reasonTotalNs.length).filter(r -> reasonTotalNs[r] > 0).boxed()
                .sorted((a, b) -> Long.compare(reasonTotalNs[b], reasonTotalNs[a])).mapToInt(Integer::intValue).toArray();
    }

    /** Printed userspace reasons ({@code KVM_EXIT_IO}, {@code restart}) by id. */
    public StringTable userspaceReasons() {
        return userspaceReasons;
    }

    /** Text of an interval's reason code for its state, or "" when it has none. */
    public String reasonText(int i) {
        int r = reason[i];
        if (r < 0) return "";
        return switch (state[i]) {
            case VcpuState.HOST_EXIT -> exits.reasonNameOfId(r);
            case VcpuState.USERSPACE -> userspaceReasons.get(r);
            case VcpuState.NOT_RUNNING -> "prev_state " + (char) r;
            default -> "";
        };
    }

    /** Row of {@link #exits()} whose kvm_exit began a host interval, or -1. */
    public int exitRow(int i) {
        if (state[i] != VcpuState.HOST_EXIT || event[i] < 0) return -1;
        int lo = 0, hi = exits.size();
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (exits.exitIndex(m) < event[i]) lo = m + 1;
            else hi = m;
        }
        return lo < exits.size() && exits.exitIndex(lo) == event[i] ? lo : -1;
    }
}
