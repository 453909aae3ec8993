package dev.virtscope.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without creating Strings: after {@link #next()} the line is
 * {@code buf()[start(), end())} (no '\n', a trailing '\r' removed) and {@link #lineNo()} is its
 * 1-based number. A line longer than {@code maxLine} is cut there and flagged by {@link #truncated()}.
 */
public final class LineReader {
    public static final int DEFAULT_MAX_LINE = 1 << 20;

    private final InputStream in;
    private final int maxLine;
    private byte[] buf = new byte[1 << 20];
    private int pos, lim;
    private boolean eof;
    private int start, end;
    private long lineNo;
    private boolean truncated;
    private long consumed;

    public LineReader(InputStream in) {
        this(in, DEFAULT_MAX_LINE);
    }

    public LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    public boolean next() throws IOException {
        truncated = false;
        int scan = pos;
        while (true) {
            for (int i = scan; i < lim; i++) {
                if (buf[i] == '\n') {
                    emit(pos, i);
                    consumed += i + 1 - pos;
                    pos = i + 1;
                    return true;
                }
            }
            if (lim - pos >= maxLine) {
                // cut an over-long line and skip the rest of it
                emit(pos, pos + maxLine);
                truncated = true;
                skipRestOfLine();
                return true;
            }
            if (eof) {
                if (pos < lim) {
                    emit(pos, lim);
                    consumed += lim - pos;
                    pos = lim;
                    return true;
                }
                return false;
            }
            scan = lim;
            int scanned = lim - pos;
            fill();
            scan = pos + scanned;
        }
    }

    private void emit(int s, int e) {
        if (e > s && buf[e - 1] == '\r') e--;
        start = s;
        end = e;
        lineNo++;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) buf = Arrays.copyOf(buf, Math.min(Integer.MAX_VALUE - 8, buf.length * 2));
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) eof = true;
        else lim += n;
    }

    private void skipRestOfLine() throws IOException {
        // the emitted slice must stay valid until the next call: copy it to the front first
        byte[] line = Arrays.copyOfRange(buf, start, end);
        int len = line.length;
        long skipped = lim - pos;
        pos = lim;
        outer:
        while (true) {
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    skipped += i + 1 - pos;
                    pos = i + 1;
                    break outer;
                }
            }
            skipped += lim - pos;
            pos = lim;
            if (eof) break;
            fill();
            if (lim == 0 && eof) break;
        }
        consumed += skipped;
        // put the kept part back in front of the unread bytes
        byte[] rest = Arrays.copyOfRange(buf, pos, lim);
        if (buf.length < len + rest.length) buf = new byte[len + rest.length + (1 << 16)];
        System.arraycopy(line, 0, buf, 0, len);
        System.arraycopy(rest, 0, buf, len, rest.length);
        start = 0;
        end = len;
        pos = len;
        lim = len + rest.length;
    }

    public byte[] buf() {
        return buf;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public long lineNo() {
        return lineNo;
    }

    public boolean truncated() {
        return truncated;
    }

    /** Decompressed bytes consumed so far. */
    public long consumed() {
        return consumed;
    }
}
