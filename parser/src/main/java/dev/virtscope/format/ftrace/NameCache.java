package dev.virtscope.format.ftrace;

import dev.virtscope.decode.ByteWords;
import dev.virtscope.store.StringTable;

/**
 * A small direct-mapped cache in front of a {@link StringTable}: a trace repeats a few event names
 * and comms millions of times, and comparing the bytes with the cached entry is cheaper than hashing
 * them for every line. Entries are kept as 8-byte words, so a hit costs one word comparison per
 * 8 bytes of the name rather than a call and a loop per byte.
 */
final class NameCache {
    private static final int SLOTS = 256;
    /** Longer names (rare) go to the table every time. */
    private static final int MAX_WORDS = 8;

    private final StringTable table;
    private final long[][] keys = new long[SLOTS][];
    private final int[] lengths = new int[SLOTS];
    private final int[] ids = new int[SLOTS];

    NameCache(StringTable table) {
        this.table = table;
    }

    int intern(byte[] b, int off, int len) {
        int words = (len + 7) >>> 3;
        if (len == 0 || words > MAX_WORDS) return table.intern(b, off, len);
        long first = ByteWords.word(b, off, len, 0);
        long last = words == 1 ? first : ByteWords.word(b, off, len, words - 1);
        // first and last word: names sharing a prefix (sched_wakeup, sched_waking) still part
        int slot = (int) (((first * 0x9E3779B97F4A7C15L) ^ (last * 0xC2B2AE3D27D4EB4FL) ^ len) >>> 56) & (SLOTS - 1);
        long[] k = keys[slot];
        if (k != null && lengths[slot] == len && k[0] == first && k[words - 1] == last && same(k, b, off, len, words)) {
            return ids[slot];
        }
        int id = table.intern(b, off, len);
        long[] key = new long[words];
        for (int w = 0; w < words; w++) key[w] = ByteWords.word(b, off, len, w);
        keys[slot] = key;
        lengths[slot] = len;
        ids[slot] = id;
        return id;
    }

    /** The words between the first and the last (both already compared) are equal too. */
    private static boolean same(long[] k, byte[] b, int off, int len, int words) {
        for (int w = 1; w < words - 1; w++) if (k[w] != ByteWords.word(b, off, len, w)) return false;
        return true;
    }
}
