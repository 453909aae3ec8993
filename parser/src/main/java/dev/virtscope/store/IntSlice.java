package dev.virtscope.store;

/** A read-only window {@code a[from, to)} of an index array (event numbers in time order). */
public record IntSlice(int[] a, int from, int to) {
    public static final IntSlice EMPTY = new IntSlice(new int[0], 0, 0);

    public int size() {
        return to - from;
    }

    public int get(int k) {
        return a[from + k];
    }
}
