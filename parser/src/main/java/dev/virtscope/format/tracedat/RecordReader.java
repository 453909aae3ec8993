package dev.virtscope.format.tracedat;

import java.nio.charset.StandardCharsets;

/**
 * Reads typed field values out of one raw record, in the file's byte order: integers of 1, 2, 4
 * or 8 bytes with the format's signedness, fixed and {@code __data_loc} strings and arrays.
 */
public final class RecordReader {
    private final boolean big;

    RecordReader(boolean bigEndian) {
        this.big = bigEndian;
    }

    /** An integer of size bytes at b[i]; signed values are sign-extended. */
    public long integer(byte[] b, int i, int size, boolean signed) {
        long v = 0;
        switch (size) {
            case 1 -> v = signed ? b[i] : b[i] & 0xff;
            case 2 -> {
                int x = big ? ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff) : (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
                v = signed ? (short) x : x;
            }
            case 4 -> {
                long x = big ? ((b[i] & 0xffL) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff)
                        : (b[i] & 0xffL) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16) | ((b[i + 3] & 0xffL) << 24);
                v = signed ? (int) x : x;
            }
            case 8 -> {
                long lo = integer(b, big ? i + 4 : i, 4, false);
                long hi = integer(b, big ? i : i + 4, 4, false);
                v = (hi << 32) | lo;
            }
            default -> v = 0;
        }
        return v;
    }

    /** Value of a scalar field of the record b[s, e); 0 when the record is too short. */
    public long number(EventFormat.Field f, byte[] b, int s, int e) {
        int size = f.size > 8 ? 8 : f.size;
        if (f.offset < 0 || size < 0 || (long) s + f.offset + size > e) return 0;
        return integer(b, s + f.offset, size, f.signed);
    }

    /** Start of the field's data within b (absolute index); for data_loc fields, where the data lies. */
    public int dataStart(EventFormat.Field f, byte[] b, int s, int e) {
        // a field placed outside the record (a damaged or mismatched format) has its data at the record's end: empty
        if (!f.dataLoc && !f.relLoc) return within(s + (long) f.offset, s, e);
        if (f.offset < 0 || (long) s + f.offset + 4 > e) return e;
        long loc = integer(b, s + f.offset, 4, false);
        int off = (int) (loc & 0xffff);
        return within(f.relLoc ? (long) s + f.offset + f.size + off : (long) s + off, s, e);
    }

    private static int within(long p, int s, int e) {
        return p < s || p > e ? e : (int) p;
    }

    /** Length in bytes of the field's data. */
    public int dataLength(EventFormat.Field f, byte[] b, int s, int e) {
        if (!f.dataLoc && !f.relLoc) {
            // "char buf[]" / "u32 buf" of size 0 (ftrace print/bprint): the rest of the record
            int start = dataStart(f, b, s, e);
            int n = f.size == 0 ? e - start : f.size;
            return Math.max(0, Math.min(n, e - start));
        }
        if (f.offset < 0 || (long) s + f.offset + 4 > e) return 0;
        long loc = integer(b, s + f.offset, 4, false);
        int start = dataStart(f, b, s, e);
        return Math.max(0, Math.min((int) (loc >>> 16) & 0xffff, e - start));
    }

    /** A string field: bytes up to the first NUL. */
    public String string(EventFormat.Field f, byte[] b, int s, int e) {
        int st = dataStart(f, b, s, e);
        int n = dataLength(f, b, s, e);
        int k = 0;
        while (k < n && b[st + k] != 0) k++;
        return new String(b, st, k, StandardCharsets.UTF_8);
    }
}
