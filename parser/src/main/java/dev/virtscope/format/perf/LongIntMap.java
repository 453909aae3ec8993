package dev.virtscope.format.perf;

import java.util.Arrays;

/** Open-addressing long→int map without boxing: the child table of the fold trie. */
final class LongIntMap {
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    int get(long k) {
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (!used[i]) return -1;
            if (keys[i] == k) return values[i];
        }
    }

    void put(long k, int v) {
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
        return (int) (h ^ (h >>> 29));
    }

    void clear() {
        Arrays.fill(used, false);
        size = 0;
    }
}
