package dev.virtscope.analysis.vcpu;

/**
 * Index of the largest value in any range [lo, hi) of a fixed long array in O(log n): a bottom-up
 * segment tree of indices (2 · next power of two ints). Used to pick the exit reason of a pixel
 * (its longest host interval) without visiting every interval under the pixel.
 */
final class MaxTree {
    private final long[] v;
    private final int[] tree;
    private final int size;

    MaxTree(long[] values, int n) {
        v = values;
        int s = 1;
        while (s < Math.max(1, n)) s <<= 1;
        size = s;
        tree = new int[2 * s];
        for (int i = 0; i < s; i++) tree[s + i] = i < n ? i : -1;
        for (int i = s - 1; i >= 1; i--) tree[i] = better(tree[2 * i], tree[2 * i + 1]);
    }

    private int better(int a, int b) {
        if (a < 0) return b;
        if (b < 0) return a;
        return v[b] > v[a] ? b : a;
    }

    /** Index in [lo, hi) holding the largest value (one of them on ties), or -1 when the range is empty. */
    int argMax(int lo, int hi) {
        int best = -1;
        for (int l = lo + size, r = hi + size; l < r; l >>= 1, r >>= 1) {
            if ((l & 1) == 1) best = better(best, tree[l++]);
            if ((r & 1) == 1) best = better(best, tree[--r]);
        }
        return best;
    }
}
