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
        for (int i = from; i < to; i++) {
            long v = d[i];
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // two passes (exact integer sum, then squared deviations from the mean): stable, no division per
        // value. The second also counts HdrHistogram's buckets in a plain array: recording value by value
        // (with its min/max upkeep) was most of the summary's time; the histogram then gets one count per
        // bucket, so its counts, and the percentiles, are those of recording every value.
        double mean = n == 0 ? 0 : (double) sum / n, m2 = 0;
        long[] buckets = new long[n == 0 ? 0 : hdrIndex(Math.max(0, max)) + 1];
        for (int i = from; i < to; i++) {
            long v = d[i];
            double dev = v - mean;
            m2 += dev * dev;
            buckets[hdrIndex(Math.max(0, v))]++;
        }
        Histogram h = new Histogram(SIGNIFICANT_DIGITS);
        for (int b = 0; b < buckets.length; b++) if (buckets[b] != 0) h.recordValueWithCount(hdrLowest(b), buckets[b]);
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

    static final int SIGNIFICANT_DIGITS = 3;
    // the bucket layout of Histogram(3) (lowest discernible value 1): 2048 sub-buckets, the upper half of
    // each further bucket at twice the unit of the one before
    private static final int SUB_HALF_MAGNITUDE = 10, SUB_MASK = 2047, LEADING_ZERO_BASE = 53;

    /** HdrHistogram's counts index of a value ≥ 0 (its countsArrayIndex for this layout). */
    static int hdrIndex(long v) {
        int bucket = LEADING_ZERO_BASE - Long.numberOfLeadingZeros(v | SUB_MASK);
        int sub = (int) (v >>> bucket);
        return ((bucket + 1) << SUB_HALF_MAGNITUDE) + sub - (1 << SUB_HALF_MAGNITUDE);
    }

    /** The lowest value that HdrHistogram counts at an index (its valueFromIndex). */
    static long hdrLowest(int index) {
        int bucket = (index >> SUB_HALF_MAGNITUDE) - 1;
        int sub = (index & ((1 << SUB_HALF_MAGNITUDE) - 1)) + (1 << SUB_HALF_MAGNITUDE);
        if (bucket < 0) {
            sub -= 1 << SUB_HALF_MAGNITUDE;
            bucket = 0;
        }
        return (long) sub << bucket;
    }

    public double relStddevPct() {
        if (count < 2 || meanNs == 0) return 0;
        return 100.0 * (stddevNs / Math.sqrt(count)) / meanNs;
    }
}
