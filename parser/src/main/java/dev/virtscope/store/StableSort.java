package dev.virtscope.store;

/** Stable sort of an index permutation by a long key, without boxing (bottom-up merge sort). */
final class StableSort {
    private StableSort() {
    }

    static boolean isSorted(long[] keys, int n) {
        for (int i = 1; i < n; i++) if (keys[i] < keys[i - 1]) return false;
        return true;
    }

    /** Returns idx[0..n) ordered so that keys[idx[k]] is non-decreasing, ties kept in input order. */
    static int[] order(long[] keys, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        int[] b = new int[n];
        // insertion-sort small runs first: traces are mostly sorted, so this does most of the work
        final int run = 32;
        for (int lo = 0; lo < n; lo += run) {
            int hi = Math.min(n, lo + run);
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                long k = keys[v];
                int j = i - 1;
                while (j >= lo && keys[a[j]] > k) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
        }
        for (int width = run; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width), hi = Math.min(n, lo + 2 * width);
                if (mid >= hi || keys[a[mid - 1]] <= keys[a[mid]]) {
                    System.arraycopy(a, lo, b, lo, hi - lo);
                    continue;
                }
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) b[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
