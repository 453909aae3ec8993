package dev.virtscope.format.ftrace;

import java.io.IOException;
import java.io.InputStream;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.io.Compression;
import dev.virtscope.io.LineReader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.MemoryEstimate;

/**
 * How an ftrace-style text is loaded: first a memory estimate from a sample of its start (a load that
 * cannot fit fails at once, saying so), then a parallel load on all cores for large inputs, or the
 * sequential importer for small ones, where threads would cost more than they save.
 * {@code -Dvirtscope.ingest.threads=1} forces the sequential importer.
 */
final class FtraceIngest {
    static final int CHUNK_BYTES = 8 << 20;
    private static final int SAMPLE_BYTES = 2 << 20;
    private static final long PARALLEL_FROM = 16 << 20, PARALLEL_FROM_COMPRESSED = 2 << 20;

    private FtraceIngest() {
    }

    static void load(TraceSource src, EventStoreBuilder out, boolean report, LoadMonitor monitor) throws IOException {
        MemoryEstimate est = estimate(src, report);
        est.requireFits(src.name());
        int threads = Integer.getInteger("virtscope.ingest.threads", Runtime.getRuntime().availableProcessors());
        long from = src.compression() == Compression.NONE ? PARALLEL_FROM : PARALLEL_FROM_COMPRESSED;
        if (threads > 1 && src.size() >= from) new ParallelFtraceImporter(report, CHUNK_BYTES, threads, est.eventsPerByte).load(src, out, monitor);
        else new FtraceTextImporter(out, report).load(src, monitor);
    }

    /**
     * Events and payload bytes per input byte as measured on the first few MiB, scaled to the file's
     * size; for a compressed file the decompressed size is scaled from the compression ratio of that
     * same start.
     */
    static MemoryEstimate estimate(TraceSource src, boolean report) throws IOException {
        byte[] b = new byte[SAMPLE_BYTES];
        int n;
        long total;
        try (InputStream in = src.open()) {
            n = in.readNBytes(b, 0, b.length);
            boolean whole = n < b.length;
            long compressed = Math.max(1, src.bytesRead());
            total = src.compression() == Compression.NONE || whole ? (whole ? n : src.size())
                    : (long) (src.size() * ((double) n / compressed));
        }
        int end = n;
        if (n == b.length) while (end > 0 && b[end - 1] != '\n') end--; // whole lines only
        FtraceChunk sample = FtraceChunk.parse(b, 0, end, report, LineReader.DEFAULT_MAX_LINE, null, null);
        return MemoryEstimate.of(total, end, sample.part.size(), sample.part.arena.payloadBytes());
    }
}
