package dev.virtscope.analysis.latency;

import java.util.Arrays;

import dev.virtscope.store.LostEvents;

/**
 * Where events are missing, per CPU, for pairing: a pair whose span contains a lost-events marker of
 * the CPU it ran on (or a marker of all CPUs) is not trusted. Markers without a time
 * (overwritten-at-unknown-place) cannot be placed and are ignored here.
 */
public final class LostMarkers {
    private final long[][] byCpu;
    private final long[] allCpus;

    public LostMarkers(LostEvents lost) {
        int maxCpu = -1;
        for (int i = 0; i < lost.size(); i++) maxCpu = Math.max(maxCpu, lost.cpu(i));
        int[] n = new int[maxCpu + 1];
        int all = 0;
        for (int i = 0; i < lost.size(); i++) {
            if (lost.ts(i) == Long.MIN_VALUE) continue;
            if (lost.cpu(i) < 0) all++;
            else n[lost.cpu(i)]++;
        }
        byCpu = new long[maxCpu + 1][];
        for (int c = 0; c <= maxCpu; c++) byCpu[c] = new long[n[c]];
        allCpus = new long[all];
        int[] fill = new int[maxCpu + 1];
        int a = 0;
        for (int i = 0; i < lost.size(); i++) {
            if (lost.ts(i) == Long.MIN_VALUE) continue;
            if (lost.cpu(i) < 0) allCpus[a++] = lost.ts(i);
            else byCpu[lost.cpu(i)][fill[lost.cpu(i)]++] = lost.ts(i);
        }
        for (long[] t : byCpu) Arrays.sort(t);
        Arrays.sort(allCpus);
    }

    public boolean isEmpty() {
        if (allCpus.length > 0) return false;
        for (long[] t : byCpu) if (t.length > 0) return false;
        return true;
    }

    /** True when a marker of this CPU (or of all CPUs) has a time t with from &lt; t ≤ to. */
    public boolean crosses(int cpu, long from, long to) {
        if (cpu >= 0 && cpu < byCpu.length && any(byCpu[cpu], from, to)) return true;
        return any(allCpus, from, to);
    }

    private static boolean any(long[] t, long from, long to) {
        if (t.length == 0) return false;
        int lo = 0, hi = t.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (t[m] <= from) lo = m + 1;
            else hi = m;
        }
        return lo < t.length && t[lo] <= to;
    }
}
