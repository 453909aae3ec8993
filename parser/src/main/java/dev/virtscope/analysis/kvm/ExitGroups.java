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

    private ExitGroups(long[] durations, int[] start) {
        this.durations = durations;
        this.start = start;
    }

    /** Groups the paired rows (dur ≥ 0) of {@code key[0, n)}; keys are ≥ -1. */
    static ExitGroups of(int[] key, long[] dur, int n) {
        int max = -1;
        for (int r = 0; r < n; r++) if (dur[r] >= 0 && key[r] > max) max = key[r];
        int groups = max + 2;
        int[] start = new int[groups + 1];
        for (int r = 0; r < n; r++) if (dur[r] >= 0) start[Math.max(-1, key[r]) + 2]++;
        for (int g = 0; g < groups; g++) start[g + 1] += start[g];
        long[] out = new long[start[groups]];
        int[] fill = java.util.Arrays.copyOf(start, groups);
        for (int r = 0; r < n; r++) if (dur[r] >= 0) out[fill[Math.max(-1, key[r]) + 1]++] = dur[r];
        return new ExitGroups(out, start);
    }

    /** The durations of the rows whose key is {@code k}; empty for a key no paired row has. */
    Latencies of(int k) {
        int g = k + 1;
        if (g < 0 || g + 1 >= start.length) return new Latencies(durations, 0, 0);
        return new Latencies(durations, start[g], start[g + 1]);
    }
}
