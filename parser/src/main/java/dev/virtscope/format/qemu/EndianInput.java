package dev.virtscope.format.qemu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Buffered reading of host-endian integers from a stream (simpletrace files are written in the
 * byte order of the machine that ran QEMU; the header's magic tells which).
 */
final class EndianInput {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos, lim;
    private long offset;
    boolean bigEndian;

    EndianInput(InputStream in) {
        this.in = in;
    }

    /** Bytes consumed so far (the file offset of the next read). */
    long offset() {
        return offset;
    }

    /** True at a clean end of stream. */
    boolean atEnd() throws IOException {
        return !ensure(1);
    }

    private boolean ensure(int n) throws IOException {
        if (lim - pos >= n) return true;
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
        while (lim < n) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) return false;
            lim += r;
        }
        return true;
    }

    private void need(int n) throws IOException {
        if (!ensure(n)) throw new EOFException("file ends inside a record at offset " + offset);
    }

    long u64() throws IOException {
        need(8);
        long v = 0;
        if (bigEndian) {
            for (int k = 0; k < 8; k++) v = (v << 8) | (buf[pos + k] & 0xff);
        } else {
            for (int k = 7; k >= 0; k--) v = (v << 8) | (buf[pos + k] & 0xff);
        }
        pos += 8;
        offset += 8;
        return v;
    }

    long u32() throws IOException {
        need(4);
        long v = 0;
        if (bigEndian) {
            for (int k = 0; k < 4; k++) v = (v << 8) | (buf[pos + k] & 0xff);
        } else {
            for (int k = 3; k >= 0; k--) v = (v << 8) | (buf[pos + k] & 0xff);
        }
        pos += 4;
        offset += 4;
        return v;
    }

    /** Copies n bytes into dst (which must be large enough). */
    void bytes(byte[] dst, int off, int n) throws IOException {
        while (n > 0) {
            if (!ensure(1)) throw new EOFException("file ends inside a record at offset " + offset);
            int k = Math.min(n, lim - pos);
            System.arraycopy(buf, pos, dst, off, k);
            pos += k;
            offset += k;
            off += k;
            n -= k;
        }
    }

    void skip(long n) throws IOException {
        while (n > 0) {
            if (!ensure(1)) throw new EOFException("file ends inside a record at offset " + offset);
            int k = (int) Math.min(n, lim - pos);
            pos += k;
            offset += k;
            n -= k;
        }
    }
}
