package dev.virtscope.store;

import java.util.Arrays;

/**
 * Payloads of one piece of input, kept as slices of the buffer holding that input until the piece is
 * parsed, then copied into an arena all at once ({@link PayloadArena#place}). Copying them at the end
 * rather than line by line lets each payload be copied exactly once into pages that several parser
 * threads share, with no page left part-used at the end of every piece. Bytes that are not in the
 * buffer (a payload joined with its continuation line) are copied aside.
 *
 * <p>A reference handed out has the sign bit set and the slice number in its low bits, so it is
 * never mistaken for an arena reference ({@code page << 32 | offset}, never negative).
 */
final class PayloadSlices {
    private byte[] source;
    /** Offset in source, or ~offset in side for bytes copied aside. */
    private int[] off;
    private int[] len;
    private int count;
    private byte[] side = new byte[0];
    private int sideSize;
    private long bytes;

    PayloadSlices(byte[] source, int expected) {
        this.source = source;
        off = new int[Math.max(64, expected)];
        len = new int[off.length];
    }

    /** Empties the slices to take payloads of source, keeping the arrays. */
    void reset(byte[] source) {
        this.source = source;
        count = 0;
        sideSize = 0;
        bytes = 0;
    }

    static boolean isSlice(long ref) {
        return ref < 0;
    }

    long append(byte[] b, int o, int l) {
        if (count == off.length) {
            off = Arrays.copyOf(off, count * 2);
            len = Arrays.copyOf(len, count * 2);
        }
        if (b == source) {
            off[count] = o;
        } else {
            if (sideSize + l > side.length) side = Arrays.copyOf(side, Math.max(side.length * 2, sideSize + l));
            System.arraycopy(b, o, side, sideSize, l);
            off[count] = ~sideSize;
            sideSize += l;
        }
        len[count] = l;
        bytes += l;
        return Long.MIN_VALUE | count++;
    }

    void view(long ref, Payload out) {
        int i = (int) ref;
        int o = off[i];
        if (o >= 0) out.set(source, o, o + len[i]);
        else out.set(side, ~o, ~o + len[i]);
    }

    int count() {
        return count;
    }

    int length(int i) {
        return len[i];
    }

    /** The bytes of slice i: source or the side buffer, from {@link #start}. */
    byte[] bytes(int i) {
        return off[i] >= 0 ? source : side;
    }

    int start(int i) {
        int o = off[i];
        return o >= 0 ? o : ~o;
    }

    long payloadBytes() {
        return bytes;
    }
}
