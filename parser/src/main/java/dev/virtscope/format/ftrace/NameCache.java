package dev.virtscope.format.ftrace;

import dev.virtscope.store.StringTable;

/**
 * A small direct-mapped cache in front of a {@link StringTable}: a trace repeats a few event names
 * and comms millions of times, and comparing the bytes with the cached entry is cheaper than hashing
 * them for every line.
 */
final class NameCache {
    private static final int SLOTS = 256;

    private final StringTable table;
    private final byte[][] keys = new byte[SLOTS][];
    private final int[] ids = new int[SLOTS];

    NameCache(StringTable table) {
        this.table = table;
    }

    int intern(byte[] b, int off, int len) {
        if (len == 0) return table.intern(b, off, 0);
        int slot = (len * 31 + b[off] * 7 + b[off + len - 1] * 3 + b[off + (len >> 1)]) & (SLOTS - 1);
        byte[] k = keys[slot];
        if (k != null && k.length == len && java.util.Arrays.equals(k, 0, len, b, off, off + len)) return ids[slot];
        int id = table.intern(b, off, len);
        keys[slot] = java.util.Arrays.copyOfRange(b, off, off + len);
        ids[slot] = id;
        return id;
    }
}
