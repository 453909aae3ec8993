package dev.virtscope.analysis.latency;

import java.util.Arrays;

/**
 * Bucket counts of a set of durations (ns). Log2 buckets are {@code [2^i, 2^(i+1))} exactly like the
 * classic perf-script kvm recipe (a zero duration goes to {@code [0, 1)}); linear buckets are
 * {@code [k·w, (k+1)·w)}. Only buckets from the first to the last non-empty one are kept.
 */
public final class LatencyHistogram {
    private final long[] lo, hi, count;
    private final long total;
    private final boolean log2;

    private LatencyHistogram(long[] lo, long[] hi, long[] count, boolean log2) {
        this.lo = lo;
        this.hi = hi;
        this.count = count;
        this.log2 = log2;
        long t = 0;
        for (long c : count) t += c;
        total = t;
    }

    /** Bucket number of d in the log2 scheme: 0 for [0,1), i+1 for [2^i, 2^(i+1)). */
    static int log2Bucket(long d) {
        return d <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(d);
    }

    static LatencyHistogram log2(long[] d, int from, int to) {
        long[] c = new long[65];
        for (int i = from; i < to; i++) c[log2Bucket(d[i])]++;
        int first = 0, last = -1;
        for (int k = 0; k < c.length; k++) if (c[k] != 0) {
            if (last < 0) first = k;
            last = k;
        }
        if (last < 0) return new LatencyHistogram(new long[0], new long[0], new long[0], true);
        int n = last - first + 1;
        long[] lo = new long[n], hi = new long[n], cnt = new long[n];
        for (int k = 0; k < n; k++) {
            int b = first + k;
            lo[k] = b == 0 ? 0 : 1L << (b - 1);
            hi[k] = b == 0 ? 1 : (b == 64 ? Long.MAX_VALUE : 1L << b);
            cnt[k] = c[b];
        }
        return new LatencyHistogram(lo, hi, cnt, true);
    }

    static LatencyHistogram linear(long[] d, int from, int to, long width) {
        if (width <= 0) throw new IllegalArgumentException("bucket width must be positive: " + width);
        if (to <= from) return new LatencyHistogram(new long[0], new long[0], new long[0], false);
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            long v = Math.max(0, d[i]);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long first = min / width, last = max / width;
        if (last - first >= 10_000_000) throw new IllegalArgumentException("bucket width " + width + " ns gives too many buckets");
        int n = (int) (last - first + 1);
        long[] lo = new long[n], hi = new long[n], cnt = new long[n];
        for (int k = 0; k < n; k++) {
            lo[k] = (first + k) * width;
            hi[k] = lo[k] + width;
        }
        for (int i = from; i < to; i++) cnt[(int) (Math.max(0, d[i]) / width - first)]++;
        return new LatencyHistogram(lo, hi, cnt, false);
    }

    public int buckets() {
        return count.length;
    }

    /** Inclusive lower bound of bucket k (ns). */
    public long loNs(int k) {
        return lo[k];
    }

    /** Exclusive upper bound of bucket k (ns). */
    public long hiNs(int k) {
        return hi[k];
    }

    public long count(int k) {
        return count[k];
    }

    public long total() {
        return total;
    }

    public boolean isLog2() {
        return log2;
    }

    public long maxCount() {
        return Arrays.stream(count).max().orElse(0);
    }

    /**
     * Text histogram in the shape of the classic recipe and bcc's log2 printer:
     * {@code       256 -> 511     : 12     |****      |}.
     */
    public String toText(String unit) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%24s : %-10s %s%n", unit, "count", "distribution"));
        long max = Math.max(1, maxCount());
        for (int k = 0; k < count.length; k++) {
            int stars = (int) (count[k] * 40 / max);
            sb.append(String.format("%10d -> %-10d : %-10d |%-40s|%n", lo[k], hi[k] - 1, count[k], "*".repeat(stars)));
        }
        return sb.toString();
    }
}
