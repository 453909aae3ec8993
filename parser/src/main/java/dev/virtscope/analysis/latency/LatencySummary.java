package dev.virtscope.analysis.latency;

import org.HdrHistogram.Histogram;

/**
 * Count, sum, min, max, mean, standard deviation and percentiles of a set of durations (ns).
 * Percentiles come from HdrHistogram with 3 significant digits (relative error ≤ 0.1 %); min, max,
 * sum and mean are exact. {@link #relStddevPct()} is what {@code perf kvm stat} prints as
 * {@code ±x%}: 100 · (standard error of the mean) / mean, the sample variance using n-1.
 */
public final class LatencySummary {
    public final long count, sumNs, minNs, maxNs;
    public final double meanNs, stddevNs;
    public final long p50, p90, p99, p999;

    LatencySummary(long[] d, int from, int to) {
        long n = to - from, sum = 0, min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        Histogram h = new Histogram(3);
        for (int i = from; i < to; i++) {
            long v = d[i];
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            h.recordValue(Math.max(0, v));
        }
        // two passes (exact integer sum, then squared deviations from the mean): stable, no division per value
        double mean = n == 0 ? 0 : (double) sum / n, m2 = 0;
        for (int i = from; i < to; i++) {
            double dev = d[i] - mean;
            m2 += dev * dev;
        }
        count = n;
        sumNs = sum;
        minNs = n == 0 ? 0 : min;
        maxNs = n == 0 ? 0 : max;
        meanNs = n == 0 ? 0 : mean;
        stddevNs = n < 2 ? 0 : Math.sqrt(m2 / (n - 1));
        // HdrHistogram answers with the top of a value's bucket, which can exceed the exact max: never
        // print a percentile above the max
        p50 = n == 0 ? 0 : Math.min(maxNs, h.getValueAtPercentile(50));
        p90 = n == 0 ? 0 : Math.min(maxNs, h.getValueAtPercentile(90));
        p99 = n == 0 ? 0 : Math.min(maxNs, h.getValueAtPercentile(99));
        p999 = n == 0 ? 0 : Math.min(maxNs, h.getValueAtPercentile(99.9));
    }

    public double relStddevPct() {
        if (count < 2 || meanNs == 0) return 0;
        return 100.0 * (stddevNs / Math.sqrt(count)) / meanNs;
    }
}
