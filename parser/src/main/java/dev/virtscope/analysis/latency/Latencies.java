package dev.virtscope.analysis.latency;

import java.util.function.IntPredicate;

/**
 * A set of durations (ns) in a primitive array: THE path every latency of the product goes
 * through for histograms and percentiles, whatever produced the durations (kvm exits, generic
 * event pairs, …).
 */
public final class Latencies {
    private final long[] d;
    private final int off, n;
    /** made on first use: the kvm views and kvm-stat ask for the same group's summary */
    private volatile LatencySummary summary;

    public Latencies(long[] durations, int size) {
        this(durations, 0, size);
    }

    /** The durations {@code durations[from, to)}, without copying. */
    public Latencies(long[] durations, int from, int to) {
        d = durations;
        off = from;
        n = to - from;
    }

    /** The durations of the rows {@code keep} accepts, out of {@code all[0, size)}. */
    public static Latencies select(long[] all, int size, IntPredicate keep) {
        long[] out = new long[size];
        int k = 0;
        for (int i = 0; i < size; i++) if (keep.test(i)) out[k++] = all[i];
        return new Latencies(out, k);
    }

    public int size() {
        return n;
    }

    public long get(int i) {
        return d[off + i];
    }

    public LatencyHistogram log2() {
        return LatencyHistogram.log2(d, off, off + n);
    }

    public LatencyHistogram linear(long widthNs) {
        return LatencyHistogram.linear(d, off, off + n, widthNs);
    }

    /** Computed once per instance: the durations are a view of an array nobody writes after making it. */
    public LatencySummary summary() {
        LatencySummary s = summary;
        if (s == null) summary = s = new LatencySummary(d, off, off + n);
        return s;
    }
}
