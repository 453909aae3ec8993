package dev.virtscope.format.tracedat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Sequential reads of a trace.dat region in the file's byte order. The region is a memory map of
 * the file, the whole decompressed file, or one decompressed v7 section; every read is
 * bounds-checked so a truncated file ends in an {@link IOException} naming what was being read.
 */
final class DatCursor {
    final ByteBuffer buf;
    int pos;

    DatCursor(ByteBuffer buf, ByteOrder order, int pos) {
        this.buf = buf.duplicate().order(order);
        this.pos = pos;
    }

    DatCursor at(long p) throws IOException {
        if (p < 0 || p > buf.limit()) throw new IOException("offset " + p + " outside the file (" + buf.limit() + " bytes)");
        return new DatCursor(buf, buf.order(), (int) p);
    }

    int limit() {
        return buf.limit();
    }

    int remaining() {
        return buf.limit() - pos;
    }

    private void need(int n, String what) throws IOException {
        if (n < 0 || pos + (long) n > buf.limit())
            throw new IOException("truncated while reading " + what + " at offset " + pos);
    }

    int u8() throws IOException {
        need(1, "a byte");
        return buf.get(pos++) & 0xff;
    }

    int u16() throws IOException {
        need(2, "a u16");
        int v = buf.getShort(pos) & 0xffff;
        pos += 2;
        return v;
    }

    long u32() throws IOException {
        need(4, "a u32");
        long v = buf.getInt(pos) & 0xffffffffL;
        pos += 4;
        return v;
    }

    long u64() throws IOException {
        need(8, "a u64");
        long v = buf.getLong(pos);
        pos += 8;
        return v;
    }

    /** A length read from the file, checked against what is left. */
    int length(long n, String what) throws IOException {
        if (n < 0 || n > remaining()) throw new IOException(what + " claims " + n + " bytes at offset " + pos + " but only " + remaining() + " remain");
        return (int) n;
    }

    /** A NUL-terminated string (the NUL is consumed). */
    String cstring() throws IOException {
        int s = pos;
        while (true) {
            need(1, "a string");
            if (buf.get(pos) == 0) break;
            pos++;
        }
        String v = text(s, pos - s);
        pos++;
        return v;
    }

    /** n bytes as text (latin-1 safe for the ASCII kernel metadata; UTF-8 for comms). */
    String string(int n) throws IOException {
        need(n, "text");
        String v = text(pos, n);
        pos += n;
        return v;
    }

    byte[] bytes(int n) throws IOException {
        need(n, "data");
        byte[] b = new byte[n];
        buf.get(pos, b, 0, n);
        pos += n;
        return b;
    }

    /** Checks for and consumes a fixed tag such as {@code "flyrecord\0"}. */
    boolean tag(String t) {
        int n = t.length();
        if (pos + n > buf.limit()) return false;
        for (int i = 0; i < n; i++) if (buf.get(pos + i) != (byte) t.charAt(i)) return false;
        pos += n;
        return true;
    }

    private String text(int s, int n) {
        byte[] b = new byte[n];
        buf.get(s, b, 0, n);
        int end = n;
        while (end > 0 && b[end - 1] == 0) end--;
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}
