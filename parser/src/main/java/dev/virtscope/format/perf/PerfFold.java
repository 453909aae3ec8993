package dev.virtscope.format.perf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.virtscope.io.Compression;
import dev.virtscope.io.TraceSource;

/**
 * Folds a perf script file into stackcollapse-perf.pl's output. Plain files above a few MB are cut
 * at blank lines (where the script holds no state) and the pieces are collapsed on all cores; the
 * default event filter is found first by a short scan, so every piece filters like the script.
 */
public final class PerfFold {
    /**
     * Read size. Small on purpose: on the machines measured, memory touched for the first time costs
     * about 2.5 ms per MB, and an 8 MB block (plus NIO's temporary direct copy of it) per thread
     * cost more than the copying itself; 1 MB blocks stay in cache and read 213 MB in about half
     * the time.
     */
    private static final int BLOCK = 1 << 20;
    /** First read of the default-filter scan: the first sample header is normally within a few KB. */
    private static final int FIRST_SCAN = 64 << 10;
    private static final long PARALLEL_MIN = 16L << 20;

    /**
     * The folded stacks, plus what the script would have said on stderr: lines it did not recognise
     * and the first event skipped by the default filter (null when none).
     */
    public record Result(FoldedCounts stacks, long unrecognisedLines, String filteredEvent, String eventFilter) {
    }

    private PerfFold() {
    }

    public static Result fold(Path file, CollapseOptions options, OutputStream out) throws IOException {
        Result r = collapse(file, options);
        r.stacks().write(out);
        return r;
    }

    /** The folded stacks of a file, sorted and merged. */
    public static Result collapse(Path file, CollapseOptions options) throws IOException {
        return collapse(file, options, PARALLEL_MIN, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /** As {@link #collapse(Path, CollapseOptions)}, cutting plain files of at least minBytes into pieces for threads. */
    static Result collapse(Path file, CollapseOptions options, long minBytes, int threads) throws IOException {
        TraceSource src = new TraceSource(file);
        byte[] filter = options.eventFilter() == null ? null : options.eventFilter().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean defaulted = filter == null;
        List<StackCollapser> parts = new ArrayList<>();
        if (src.compression() == Compression.NONE && src.size() >= minBytes && threads > 1 && !options.inline()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (filter == null) filter = firstEvent(ch);
                long[] cuts = cuts(ch, threads);
                ExecutorService pool = Executors.newFixedThreadPool(cuts.length - 1);
                try {
                    List<Future<StackCollapser>> fs = new ArrayList<>();
                    for (int i = 0; i + 1 < cuts.length; i++) {
                        long a = cuts[i], z = cuts[i + 1];
                        fs.add(pool.submit(new Piece(file, a, z, new StackCollapser(options, filter, defaulted))));
                    }
                    for (Future<StackCollapser> f : fs) parts.add(f.get());
                } catch (Exception e) {
                    throw new IOException(file + ": " + e.getMessage(), e);
                } finally {
                    pool.shutdownNow();
                }
            }
        } else {
            StackCollapser c = new StackCollapser(options, filter, defaulted);
            try (InputStream in = src.open()) {
                feed(in, c);
            }
            parts.add(c);
        }
        FoldedCounts counts = new FoldedCounts();
        long unrec = 0;
        String filtered = null;
        byte[] used = filter;
        for (StackCollapser c : parts) {
            c.collect(counts);
            unrec += c.unrecognised();
            if (filtered == null) filtered = c.firstFiltered();
            if (used == null) used = c.eventFilter();
        }
        return new Result(counts.sorted(), unrec, filtered, used == null ? null : new String(used, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * One piece of the file on a pool thread. A record rather than a lambda: fold is a short
     * process, and the first lambda of a JVM costs several milliseconds of bootstrap.
     */
    private record Piece(Path file, long from, long to, StackCollapser collapser) implements Callable<StackCollapser> {
        @Override
        public StackCollapser call() throws IOException {
            return collapseRange(file, from, to, collapser);
        }
    }

    static void feed(InputStream in, StackCollapser c) throws IOException {
        byte[] buf = new byte[BLOCK];
        int lim = 0;
        while (true) {
            int want = buf.length - lim;
            int n = in.readNBytes(buf, lim, want);
            // readNBytes returns less than asked only at the end of the stream
            boolean eof = n < want;
            lim += n;
            int rest = c.feed(buf, 0, lim, eof);
            if (eof) return;
            int keep = lim - rest;
            if (keep == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            System.arraycopy(buf, rest, buf, 0, keep);
            lim = keep;
        }
    }

    private static StackCollapser collapseRange(Path file, long from, long to, StackCollapser c) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] buf = new byte[BLOCK];
            ByteBuffer bb = ByteBuffer.wrap(buf);
            long pos = from;
            int lim = 0;
            while (true) {
                int want = (int) Math.min(buf.length - lim, to - pos);
                bb.limit(lim + want).position(lim);
                while (bb.hasRemaining()) {
                    int n = ch.read(bb, pos + (bb.position() - lim));
                    if (n < 0) break;
                }
                int got = bb.position() - lim;
                pos += got;
                lim += got;
                boolean last = pos >= to || got == 0;
                int rest = c.feed(buf, 0, lim, last);
                if (last) return c;
                int keep = lim - rest;
                if (keep == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    bb = ByteBuffer.wrap(buf);
                }
                System.arraycopy(buf, rest, buf, 0, keep);
                lim = keep;
            }
        }
    }

    /** Scans from the start for the first sample header that names its event (the default filter). */
    private static byte[] firstEvent(FileChannel ch) throws IOException {
        long size = ch.size();
        long pos = 0;
        byte[] carry = new byte[0];
        int want = FIRST_SCAN;
        while (pos < size) {
            ByteBuffer bb = ByteBuffer.allocate((int) Math.min(want, size - pos));
            want = BLOCK;
            ch.read(bb, pos);
            pos += bb.position();
            byte[] b = new byte[carry.length + bb.position()];
            System.arraycopy(carry, 0, b, 0, carry.length);
            System.arraycopy(bb.array(), 0, b, carry.length, bb.position());
            int lastNl = b.length - 1;
            while (lastNl >= 0 && b[lastNl] != '\n') lastNl--;
            int end = pos >= size ? b.length : lastNl + 1;
            byte[] e = StackCollapser.firstEvent(b, 0, end);
            if (e != null) return e;
            carry = java.util.Arrays.copyOfRange(b, end, b.length);
        }
        return null;
    }

    /** Cut points: start, positions just after a blank line near each even share, end. */
    private static long[] cuts(FileChannel ch, int parts) throws IOException {
        long size = ch.size();
        List<Long> cuts = new ArrayList<>();
        cuts.add(0L);
        ByteBuffer bb = ByteBuffer.allocate(FIRST_SCAN);
        for (int i = 1; i < parts; i++) {
            long nominal = size * i / parts;
            if (nominal <= cuts.get(cuts.size() - 1)) continue;
            long at = -1;
            long p = nominal;
            while (p < size && at < 0) {
                bb.clear();
                int n = ch.read(bb, p);
                if (n <= 0) break;
                byte[] a = bb.array();
                for (int k = 0; k + 1 < n; k++) {
                    if (a[k] == '\n' && a[k + 1] == '\n') {
                        at = p + k + 2;
                        break;
                    }
                }
                p += Math.max(1, n - 1);
            }
            if (at < 0 || at >= size) break;
            cuts.add(at);
        }
        cuts.add(size);
        long[] r = new long[cuts.size()];
        for (int i = 0; i < r.length; i++) r[i] = cuts.get(i);
        return r;
    }
}
