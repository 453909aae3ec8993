package dev.virtscope.stack;

import java.util.Arrays;

/** Open-addressing long→int map without boxing (trie children, frame interning). */
final class LongIntHash {
    private static final long FREE = Long.MIN_VALUE;
    private long[] keys = new long[1 << 10];
    private int[] values = new int[1 << 10];
    private int size;

    LongIntHash() {
        Arrays.fill(keys, FREE);
    }

    int get(long k) {
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            long x = keys[i];
            if (x == k) return values[i];
            if (x == FREE) return -1;
        }
    }

    void put(long k, int v) {
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (keys[i] != FREE && keys[i] != k) i = (i + 1) & mask;
        if (keys[i] == FREE) {
            keys[i] = k;
            size++;
        }
        values[i] = v;
        if (size * 2 > keys.length) grow();
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = values;
        keys = new long[ok.length * 2];
        values = new int[ok.length * 2];
        Arrays.fill(keys, FREE);
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != FREE) put(ok[i], ov[i]);
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 31));
    }
}
