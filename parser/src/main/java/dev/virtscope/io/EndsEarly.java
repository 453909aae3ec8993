package dev.virtscope.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Below the line reader of a compressed trace: a decompressor failing part-way (a truncated .gz
 * copied while being written, a damaged block) ends the stream there instead of failing the load,
 * so everything before the damage is kept; {@link #problem()} says what happened, for a warning.
 * Limit errors are not caught here: they come from above this stream.
 */
final class EndsEarly extends FilterInputStream {
    private String problem;
    private long delivered;

    EndsEarly(InputStream in) {
        super(in);
    }

    /** Why the data ended early (with the decompressed offset), or null when it ended cleanly. */
    String problem() {
        return problem;
    }

    @Override
    public int read() throws IOException {
        if (problem != null) return -1;
        try {
            int b = super.read();
            if (b >= 0) delivered++;
            return b;
        } catch (IOException e) {
            fail(e);
            return -1;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (problem != null) return -1;
        try {
            int n = super.read(b, off, len);
            if (n > 0) delivered += n;
            return n;
        } catch (IOException e) {
            fail(e);
            return -1;
        }
    }

    private void fail(IOException e) {
        String m = e.getMessage() != null ? e.getMessage()
                : e instanceof java.io.EOFException ? "the compressed data ends early" : e.getClass().getSimpleName();
        problem = m + " after " + delivered + " decompressed bytes";
    }
}
