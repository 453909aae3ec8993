package dev.virtscope.analysis.kvm;

import java.util.Arrays;
import java.util.BitSet;

import dev.virtscope.stack.StackStore;

/**
 * Which stack samples were taken while their thread was inside a kvm exit: from the exit's
 * timestamp (inclusive) to its kvm_entry's (exclusive), on the same thread (tid). Samples and
 * events must come from the same session clock (one perf script file recorded with kvm
 * tracepoints and {@code -g}, for example). Unpaired exits have no end and count for nothing.
 *
 * <p>Built once per trace: the paired exits sorted by (tid, start) in one {@code long[]}; each
 * query is a binary search per sample.
 */
public final class ExitSamples {
    private final KvmExits exits;
    /** (tid << 32 | row) of every paired exit with a thread, sorted: per thread in time order */
    private final long[] byThread;

    public ExitSamples(KvmExits exits) {
        this.exits = exits;
        long[] k = new long[exits.size()];
        int n = 0;
        for (int r = 0; r < exits.size(); r++) {
            if (exits.paired(r) && exits.tid(r) > 0) k[n++] = ((long) exits.tid(r) << 32) | r;
        }
        byThread = Arrays.copyOf(k, n);
        // rows are in time order, so sorting by (tid, row) orders each thread's exits by time
        Arrays.sort(byThread);
    }

    public KvmExits exits() {
        return exits;
    }

    /**
     * Samples of st inside an exit of the reason with this id ({@link KvmExits#reasonIdOf}),
     * or of any reason when reasonId is -1.
     */
    public BitSet inExits(StackStore st, int reasonId) {
        BitSet out = new BitSet(st.sampleCount());
        for (int i = 0; i < st.sampleCount(); i++) {
            long ts = st.ts(i);
            int tid = st.tid(i);
            if (ts < 0 || tid <= 0) continue;
            int r = exitAt(tid, ts);
            if (r >= 0 && (reasonId < 0 || exits.reasonId(r) == reasonId)) out.set(i);
        }
        return out;
    }

    /** Row of the paired exit thread tid was in at time ts, or -1. */
    public int exitAt(int tid, long ts) {
        long lo = (long) tid << 32;
        int from = lowerBound(lo), to = lowerBound(lo + (1L << 32));
        // last exit of the thread starting at or before ts
        int a = from, b = to;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (exits.startNs(row(m)) <= ts) a = m + 1;
            else b = m;
        }
        if (a == from) return -1;
        int r = row(a - 1);
        return ts < exits.startNs(r) + exits.durationNs(r) ? r : -1;
    }

    private int row(int k) {
        return (int) byThread[k];
    }

    private int lowerBound(long key) {
        int a = 0, b = byThread.length;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (byThread[m] < key) a = m + 1;
            else b = m;
        }
        return a;
    }
}
