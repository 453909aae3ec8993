package dev.virtscope.store;

import java.util.Arrays;

/**
 * Open-addressing long→int map with no boxing: trie child tables (key = parent id and frame id packed
 * into a long) and frame interning. Any long is a valid key; {@link #get} answers -1 when absent.
 */
public final class LongIntMap {
    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int size;

    public LongIntMap() {
        this(1 << 10);
    }

    /** @param capacity initial slots, a power of two */
    public LongIntMap(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
    }

    public int get(long k) {
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (!used[i]) return -1;
            if (keys[i] == k) return values[i];
        }
    }

    public void put(long k, int v) {
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (used[i] && keys[i] != k) i = (i + 1) & mask;
        if (!used[i]) {
            used[i] = true;
            keys[i] = k;
            size++;
        }
        values[i] = v;
        if (size * 2 > keys.length) grow();
    }

    public int size() {
        return size;
    }

    /** Empties the map, keeping its capacity (the fold trie is reused per file). */
    public void clear() {
        Arrays.fill(used, false);
        size = 0;
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = values;
        boolean[] ou = used;
        keys = new long[ok.length * 2];
        values = new int[ok.length * 2];
        used = new boolean[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ou[i]) put(ok[i], ov[i]);
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 31));
    }
}
