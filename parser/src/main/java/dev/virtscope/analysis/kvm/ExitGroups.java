package dev.virtscope.analysis.kvm;

import dev.virtscope.analysis.latency.Latencies;

/**
 * The durations of the paired exits laid out group after group by one small-integer column (reason
 * id, vCPU or CPU), in row order inside each group: a counting sort done once, after which the
 * latencies of any one group are a slice of the same array, with no scan and no copy. The views ask
 * for every reason's, every vCPU's and every CPU's histogram; scanning all rows for each of them was
 * most of the time of a full analysis.
 */
final class ExitGroups {
    private final long[] durations;
    /** group g (key g - 1, so key -1 "unknown" is group 0) is durations[start[g], start[g + 1]) */
    private final int[] start;
    /** one Latencies per group, made on first use, so a group's summary is computed once */
    private final Latencies[] slices;
    /** false when some key was below -1 and was counted as -1 */
    final boolean exact;

    private ExitGroups(long[] durations, int[] start, boolean exact) {
        this.durations = durations;
        this.start = start;
        this.exact = exact;
        slices = new Latencies[Math.max(0, start.length - 1)];
    }

    /** Groups the paired rows (dur ≥ 0) of {@code key[0, n)}; keys are ≥ -1. */
    static ExitGroups of(int[] key, long[] dur, int n) {
        int max = -1, min = -1;
        for (int r = 0; r < n; r++) {
            if (dur[r] < 0) continue;
            max = Math.max(max, key[r]);
            min = Math.min(min, key[r]);
        }
        int groups = max + 2;
        int[] start = new int[groups + 1];
        for (int r = 0; r < n; r++) if (dur[r] >= 0) start[Math.max(-1, key[r]) + 2]++;
        for (int g = 0; g < groups; g++) start[g + 1] += start[g];
        long[] out = new long[start[groups]];
        int[] fill = java.util.Arrays.copyOf(start, groups);
        for (int r = 0; r < n; r++) if (dur[r] >= 0) out[fill[Math.max(-1, key[r]) + 1]++] = dur[r];
        return new ExitGroups(out, start, min >= -1);
    }

    /** Every paired row as one group, without a copy when every row is paired. */
    static ExitGroups all(long[] dur, int n, long paired) {
        if (paired == n) return new ExitGroups(dur, new int[] {0, 0, n}, true);
        return of(new int[n], dur, n);
    }

    /** Number of groups: keys -1 .. groups() - 2. */
    int groups() {
        return slices.length;
    }

    /** The durations of the rows whose key is {@code k}; empty for a key no paired row has. */
    synchronized Latencies of(int k) {
        int g = k + 1;
        if (g < 0 || g + 1 >= start.length) return new Latencies(durations, 0, 0);
        Latencies l = slices[g];
        if (l == null) slices[g] = l = new Latencies(durations, start[g], start[g + 1]);
        return l;
    }
}
