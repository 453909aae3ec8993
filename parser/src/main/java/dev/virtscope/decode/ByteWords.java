package dev.virtscope.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reading byte arrays eight bytes at a time: finding a byte in a long line and comparing short names
 * cost a few word operations instead of one branch per byte.
 */
public final class ByteWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L;

    private ByteWords() {
    }

    /** Position of the first c in b[from, to), or -1. */
    public static int indexOf(byte[] b, int from, int to, byte c) {
        long pattern = (c & 0xffL) * ONES;
        int i = from;
        for (; i <= to - 8; i += 8) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            // a zero byte of x sets its high bit here; bytes above the first zero may be set too, so the
            // lowest set bit (little-endian: the lowest address) is always a real match
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        for (; i < to; i++) if (b[i] == c) return i;
        return -1;
    }

    /**
     * Bytes b[off + 8k, off + 8k + 8) as a little-endian word, the bytes at and past off + len read as 0
     * (len &gt; 8k); never reads outside b.
     */
    public static long word(byte[] b, int off, int len, int k) {
        int at = off + 8 * k;
        int rest = len - 8 * k;
        if (rest >= 8) return (long) LONGS.get(b, at);
        if (at + 8 <= b.length) return (long) LONGS.get(b, at) & (-1L >>> (64 - 8 * rest));
        long w = 0;
        for (int i = rest - 1; i >= 0; i--) w = (w << 8) | (b[at + i] & 0xff);
        return w;
    }
}
