package dev.virtscope.format.perf;

import java.util.Arrays;

/**
 * Interns byte strings to dense ids (open addressing, keys copied into one arena). Used on the
 * fold hot path so a frame text seen a million times is hashed, compared, never re-tidied.
 */
final class ByteKeyMap {
    private byte[] arena = new byte[1 << 16];
    private int arenaLen;
    private int[] keyOff = new int[256], keyLen = new int[256], keyHash = new int[256];
    private int size;
    private int[] slots = new int[1024];

    int size() {
        return size;
    }

    /** Id of b[s,e), or -1 when absent. */
    int find(byte[] b, int s, int e, int h) {
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int v = slots[i];
            if (v == 0) return -1;
            int id = v - 1;
            if (keyHash[id] == h && same(id, b, s, e)) return id;
        }
    }

    /** Adds b[s,e) (not present) and returns its id. */
    int add(byte[] b, int s, int e, int h) {
        int id = size++;
        if (id == keyOff.length) {
            keyOff = Arrays.copyOf(keyOff, id * 2);
            keyLen = Arrays.copyOf(keyLen, id * 2);
            keyHash = Arrays.copyOf(keyHash, id * 2);
        }
        int n = e - s;
        if (arenaLen + n > arena.length) arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLen + n));
        System.arraycopy(b, s, arena, arenaLen, n);
        keyOff[id] = arenaLen;
        keyLen[id] = n;
        keyHash[id] = h;
        arenaLen += n;
        int mask = slots.length - 1;
        int i = h & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = id + 1;
        if (size * 2 > slots.length) rehash();
        return id;
    }

    byte[] arena() {
        return arena;
    }

    int offset(int id) {
        return keyOff[id];
    }

    int length(int id) {
        return keyLen[id];
    }

    private boolean same(int id, byte[] b, int s, int e) {
        if (keyLen[id] != e - s) return false;
        return Arrays.equals(arena, keyOff[id], keyOff[id] + keyLen[id], b, s, e);
    }

    private void rehash() {
        int[] n = new int[slots.length * 2];
        int mask = n.length - 1;
        for (int id = 0; id < size; id++) {
            int i = keyHash[id] & mask;
            while (n[i] != 0) i = (i + 1) & mask;
            n[i] = id + 1;
        }
        slots = n;
    }

    static int hash(byte[] b, int s, int e, int seed) {
        int h = seed;
        int i = s;
        for (; i + 4 <= e; i += 4) {
            h = h * 0x9E3779B1 + ((b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24);
        }
        for (; i < e; i++) h = h * 31 + (b[i] & 0xff);
        h ^= h >>> 15;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}
