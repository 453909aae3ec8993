package dev.virtscope.analysis.vcpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The range maximum query answers what a scan of the range answers, for every kind of range. */
class MaxTreeTest {
    @Test
    void argMaxHoldsTheLargestValueOfEveryRange() {
        Random r = new Random(1);
        for (int n : new int[] {1, 15, 16, 17, 100, 1000, 4099}) {
            long[] v = new long[n];
            // few distinct values, so ties are common
            for (int i = 0; i < n; i++) v[i] = r.nextInt(50);
            MaxTree t = new MaxTree(v, n);
            for (int q = 0; q < 3000; q++) {
                int lo = r.nextInt(n), hi = lo + 1 + r.nextInt(n - lo);
                long max = Long.MIN_VALUE;
                for (int i = lo; i < hi; i++) max = Math.max(max, v[i]);
                int at = t.argMax(lo, hi);
                assertTrue(at >= lo && at < hi, "index inside [" + lo + ", " + hi + ")");
                assertEquals(max, v[at], "n=" + n + " [" + lo + ", " + hi + ")");
            }
            assertEquals(-1, t.argMax(3 % n, 3 % n), "empty range");
        }
    }
}
