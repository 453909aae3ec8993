package dev.virtscope.filter;

import java.util.Arrays;

/** A growable int array: the event numbers a filter keeps, one int each. */
final class IntBuffer {
    private int[] a = new int[1024];
    private int n;

    void add(int v) {
        if (n == a.length) a = Arrays.copyOf(a, n + (n >> 1));
        a[n++] = v;
    }

    int size() {
        return n;
    }

    int[] toArray() {
        return Arrays.copyOf(a, n);
    }
}
