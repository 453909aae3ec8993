package dev.virtscope.store;

import java.util.Arrays;

/** Open-addressing int→int map with no boxing; used for per-tid lookups on hot paths. */
public final class IntIntMap {
    private static final int FREE = Integer.MIN_VALUE;
    private int[] keys;
    private int[] values;
    private int size;
    private final int missing;

    public IntIntMap(int missing) {
        this.missing = missing;
        keys = new int[32];
        values = new int[32];
        Arrays.fill(keys, FREE);
    }

    public int get(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) return values[i];
            if (k == FREE) return missing;
        }
    }

    public void put(int key, int value) {
        if (key == FREE) throw new IllegalArgumentException("reserved key");
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != FREE && keys[i] != key) i = (i + 1) & mask;
        if (keys[i] == FREE) {
            keys[i] = key;
            if (++size * 2 > keys.length) {
                values[i] = value;
                grow();
                return;
            }
        }
        values[i] = value;
    }

    public int size() {
        return size;
    }

    private void grow() {
        int[] ok = keys, ov = values;
        keys = new int[ok.length * 2];
        values = new int[ok.length * 2];
        Arrays.fill(keys, FREE);
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != FREE) put(ok[i], ov[i]);
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
