package dev.virtscope.analysis.latency;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Histograms and percentiles against straightforward computations over the same durations. */
class LatenciesTest {

    private static long[] durations(int n, long seed) {
        Random r = new Random(seed);
        long[] d = new long[n];
        for (int i = 0; i < n; i++) d[i] = (long) Math.exp(6 + 2.5 * r.nextGaussian()); // lognormal-ish, includes 0/1
        return d;
    }

    @Test
    void log2BucketsAreTwoToTheIUpToTwoToTheIPlusOne() {
        long[] d = durations(20_000, 1);
        LatencyHistogram h = new Latencies(d, d.length).log2();
        long total = 0;
        for (int k = 0; k < h.buckets(); k++) {
            long lo = h.loNs(k), hi = h.hiNs(k);
            long expected = Arrays.stream(d).filter(v -> v >= lo && v < hi).count();
            assertEquals(expected, h.count(k), "bucket [" + lo + "," + hi + ")");
            if (lo > 0) assertEquals(2 * lo, hi);
            total += h.count(k);
        }
        assertEquals(d.length, total);
        // the bucket of a value is the classic recipe's int(log2(v))
        for (long v : new long[]{1, 2, 3, 4, 255, 256, 1023, 1024, 1_000_000}) {
            int expectedExp = (int) Math.floor(Math.log(v) / Math.log(2) + 1e-12);
            assertEquals(expectedExp + 1, LatencyHistogram.log2Bucket(v), "value " + v);
        }
    }

    @Test
    void linearBucketsOfAChosenWidth() {
        long[] d = durations(5_000, 2);
        LatencyHistogram h = new Latencies(d, d.length).linear(500);
        for (int k = 0; k < h.buckets(); k++) {
            long lo = h.loNs(k);
            assertEquals(0, lo % 500);
            assertEquals(Arrays.stream(d).filter(v -> v >= lo && v < lo + 500).count(), h.count(k));
        }
        assertEquals(d.length, h.total());
    }

    @Test
    void percentilesWithinHdrPrecisionOfNearestRank() {
        long[] d = durations(50_000, 3);
        LatencySummary s = new Latencies(d, d.length).summary();
        long[] sorted = d.clone();
        Arrays.sort(sorted);
        double[] ps = {50, 90, 99, 99.9};
        long[] got = {s.p50, s.p90, s.p99, s.p999};
        for (int k = 0; k < ps.length; k++) {
            // nearest rank; HdrHistogram's rank may be one higher because of floating-point rounding of p·n
            int rank = (int) Math.ceil(ps[k] * sorted.length / 100 - 1e-9);
            long lo = sorted[rank - 1], hi = sorted[Math.min(rank, sorted.length - 1)];
            assertTrue(got[k] >= lo * 0.999 && got[k] <= hi * 1.001, "p" + ps[k] + " " + got[k] + " not in [" + lo + "," + hi + "]");
        }
        assertEquals(sorted[sorted.length - 1], s.maxNs);
        assertEquals(sorted[0], s.minNs);
        double mean = Arrays.stream(d).average().orElse(0);
        assertEquals(mean, s.meanNs, 1e-6 * mean);
        double var = Arrays.stream(d).mapToDouble(v -> (v - mean) * (v - mean)).sum() / (d.length - 1);
        assertEquals(Math.sqrt(var), s.stddevNs, 1e-6 * Math.sqrt(var));
        assertEquals(100 * Math.sqrt(var / d.length) / mean, s.relStddevPct(), 1e-6);
    }

    @Test
    void percentilesAreThoseOfHdrHistogramRecordingEveryValue() {
        Random r = new Random(4);
        long[][] sets = {durations(30_000, 5), {0}, {0, 0, 1}, {Long.MAX_VALUE / 3, 7, 2047, 2048, 4095, 4096, 1L << 40}, new long[5_000]};
        for (int i = 0; i < sets[4].length; i++) sets[4][i] = r.nextLong() >>> (1 + r.nextInt(63));
        for (long[] d : sets) {
            org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(3);
            for (long v : d) h.recordValue(v);
            LatencySummary s = new Latencies(d, d.length).summary();
            long max = Arrays.stream(d).max().getAsLong();
            assertEquals(Math.min(max, h.getValueAtPercentile(50)), s.p50);
            assertEquals(Math.min(max, h.getValueAtPercentile(90)), s.p90);
            assertEquals(Math.min(max, h.getValueAtPercentile(99)), s.p99);
            assertEquals(Math.min(max, h.getValueAtPercentile(99.9)), s.p999);
        }
    }

    @Test
    void bucketOfAValueIsHdrHistogramsBucket() {
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(3);
        Random r = new Random(6);
        for (int k = 0; k < 200_000; k++) {
            long v = k < 10_000 ? k : r.nextLong() >>> (1 + r.nextInt(63));
            int index = LatencySummary.hdrIndex(v);
            assertEquals(h.lowestEquivalentValue(v), LatencySummary.hdrLowest(index), "value " + v);
            // the whole bucket has this index, and the next value starts the next bucket
            long highest = h.highestEquivalentValue(v);
            assertEquals(index, LatencySummary.hdrIndex(highest), "value " + v);
            if (highest + 1 > 0) assertEquals(index + 1, LatencySummary.hdrIndex(highest + 1), "value " + v);
        }
    }

    @Test
    void emptySetsGiveEmptyHistograms() {
        Latencies e = new Latencies(new long[0], 0);
        assertEquals(0, e.log2().buckets());
        assertEquals(0, e.linear(10).buckets());
        assertEquals(0, e.summary().count);
    }
}
