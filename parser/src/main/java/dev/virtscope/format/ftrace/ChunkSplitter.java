package dev.virtscope.format.ftrace;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import dev.virtscope.decode.ByteText;

/**
 * Cuts a (decompressed) text stream into chunks of about chunkBytes for parallel parsing. Every cut is
 * made just before an event line (one {@link FtraceLine} accepts, not a '#' header), so a chunk never
 * starts inside a multi-line payload or with a line whose meaning depends on the line before; the
 * first chunk starts at the start of the file, with its header.
 */
final class ChunkSplitter {
    /** A chunk: bytes [0, length) of buffer. */
    record Chunk(byte[] buffer, int length) {
    }

    private final InputStream in;
    private final boolean report;
    private final int maxLine;
    private final FtraceLine probe = new FtraceLine();
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean eof;

    ChunkSplitter(InputStream in, boolean report, int maxLine) {
        this.in = in;
        this.report = report;
        this.maxLine = maxLine;
    }

    /**
     * Fills buffer (grown when needed: the returned chunk may hold another array) with the next
     * chunk; null at the end of the input.
     */
    Chunk next(byte[] buffer) throws IOException {
        if (eof && carryLength == 0) return null;
        byte[] b = buffer.length >= carryLength + 1 ? buffer : new byte[carryLength * 2 + 1];
        System.arraycopy(carry, 0, b, 0, carryLength);
        int len = carryLength;
        carryLength = 0;
        while (true) {
            if (!eof) {
                int n = in.readNBytes(b, len, b.length - len);
                len += n;
                if (len < b.length) eof = true;
            }
            if (eof) return len == 0 ? null : new Chunk(b, len);
            // cuts are looked for in the second half only, so a buffer grown for want of a cut is searched anew at most once
            int cut = lastCut(b, len, Math.max(1, len / 2));
            if (cut > 0) {
                carryLength = len - cut;
                if (carry.length < carryLength) carry = new byte[Math.max(carryLength, carry.length * 2)];
                System.arraycopy(b, cut, carry, 0, carryLength);
                return new Chunk(b, cut);
            }
            b = Arrays.copyOf(b, b.length * 2);
        }
    }

    /** Start of the last complete event line that starts at or after stop, or -1. */
    private int lastCut(byte[] b, int len, int stop) {
        int le = len - 1;
        while (le >= 0 && b[le] != '\n') le--;
        while (le > stop) {
            int ls = le - 1;
            while (ls >= 0 && b[ls] != '\n') ls--;
            ls++;
            if (ls < stop) return -1;
            if (isEventLine(b, ls, le)) return ls;
            le = ls - 1;
        }
        return -1;
    }

    private boolean isEventLine(byte[] b, int s, int e) {
        if (e > s && b[e - 1] == '\r') e--;
        if (e - s >= maxLine) return false;
        int i = ByteText.skipSpaces(b, s, e);
        return i < e && b[i] != '#' && probe.parse(b, s, e, report);
    }
}
