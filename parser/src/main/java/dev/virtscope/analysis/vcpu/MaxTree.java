package dev.virtscope.analysis.vcpu;

/**
 * Index of the largest value in any range [lo, hi) of a fixed long array in O(log n): the array is
 * cut into blocks of 16; a range's partial blocks at both ends are scanned (contiguous memory, at
 * most 32 values) and its whole blocks are answered by a segment tree over the block maxima, which
 * is 16 times smaller than the array and stays in cache from pixel to pixel. Used to pick the exit
 * reason of a pixel (its longest host interval) without visiting every interval under the pixel.
 */
final class MaxTree {
    private static final int SHIFT = 4, BLOCK = 1 << SHIFT;
    private final long[] v;
    private final long[] max;   // per tree node: the largest block maximum below it
    private final int[] at;     // per tree node: where that value is in v
    private final int size;

    MaxTree(long[] values, int n) {
        v = values;
        int blocks = (n + BLOCK - 1) >> SHIFT;
        int s = 1;
        while (s < Math.max(1, blocks)) s <<= 1;
        size = s;
        max = new long[2 * s];
        at = new int[2 * s];
        java.util.Arrays.fill(max, Long.MIN_VALUE);
        java.util.Arrays.fill(at, -1);
        for (int b = 0; b < blocks; b++) {
            int i = scan(b << SHIFT, Math.min(n, (b + 1) << SHIFT), -1);
            max[s + b] = v[i];
            at[s + b] = i;
        }
        for (int i = s - 1; i >= 1; i--) {
            int b = max[2 * i + 1] > max[2 * i] ? 2 * i + 1 : 2 * i;
            max[i] = max[b];
            at[i] = at[b];
        }
    }

    /** Best of v[lo, hi) and the candidate best (-1: none). */
    private int scan(int lo, int hi, int best) {
        for (int i = lo; i < hi; i++) if (best < 0 || v[i] > v[best]) best = i;
        return best;
    }

    /** Index in [lo, hi) holding the largest value (one of them on ties), or -1 when the range is empty. */
    int argMax(int lo, int hi) {
        if (hi <= lo) return -1;
        int bl = (lo + BLOCK - 1) >> SHIFT, bh = hi >> SHIFT; // whole blocks [bl, bh)
        if (bl >= bh) return scan(lo, hi, -1);
        int best = scan(lo, bl << SHIFT, -1);
        best = scan(bh << SHIFT, hi, best);
        // tree nodes carry their maximum: compare with it, so the walk up touches only the small tree
        // arrays, not the scattered values of v (a cache miss each at full zoom-out)
        long bestValue = best < 0 ? Long.MIN_VALUE : v[best];
        for (int l = bl + size, r = bh + size; l < r; l >>= 1, r >>= 1) {
            if ((l & 1) == 1) {
                if (best < 0 || max[l] > bestValue) {
                    best = at[l];
                    bestValue = max[l];
                }
                l++;
            }
            if ((r & 1) == 1) {
                --r;
                if (best < 0 || max[r] > bestValue) {
                    best = at[r];
                    bestValue = max[r];
                }
            }
        }
        return best;
    }
}
