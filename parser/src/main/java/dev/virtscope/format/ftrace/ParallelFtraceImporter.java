package dev.virtscope.format.ftrace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.io.LineReader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.BuilderScratch;
import dev.virtscope.store.EventStoreBuilder;

/**
 * Parses ftrace-style text on all cores: one reader thread pulls the (decompressed) bytes and cuts
 * them into chunks before event lines ({@link ChunkSplitter}), worker threads parse chunks into
 * builders of their own ({@link FtraceChunk}), and the calling thread merges them in file order
 * ({@link ChunkMerger}) as soon as each is ready. Compressed input is decompressed by the reader
 * thread alone, so decompression overlaps parsing. Each worker copies its chunk's payloads straight
 * into the result's arena when the chunk is parsed (so a payload is copied once, and the chunk buffer
 * can be reused at once). The result is the store a sequential pass builds.
 */
final class ParallelFtraceImporter {
    private static final Future<FtraceChunk> END = CompletableFuture.completedFuture(null);

    private final boolean report;
    private final int chunkBytes;
    private final int threads;
    /** Events per input byte in the file's first MiBs: chunk columns are sized from it. */
    private final double eventsPerByte;

    ParallelFtraceImporter(boolean report, int chunkBytes, int threads, double eventsPerByte) {
        this.report = report;
        this.chunkBytes = chunkBytes;
        this.threads = threads;
        this.eventsPerByte = eventsPerByte;
    }

    void load(TraceSource src, EventStoreBuilder out, LoadMonitor monitor) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> daemon(r, "ftrace-parse"));
        // chunks read but not yet merged: bounds the memory the reader and the parsers can run ahead with
        Semaphore inFlight = new Semaphore(threads + 2);
        ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
        // columns of chunks already merged, for the chunks still to parse
        ConcurrentLinkedQueue<BuilderScratch> scratches = new ConcurrentLinkedQueue<>();
        BlockingQueue<Future<FtraceChunk>> parsed = new LinkedBlockingQueue<>();
        InputStream in = src.open();
        Thread reader = daemon(() -> {
            try {
                ChunkSplitter split = new ChunkSplitter(in, report, LineReader.DEFAULT_MAX_LINE);
                while (true) {
                    inFlight.acquire();
                    byte[] buf = free.poll();
                    ChunkSplitter.Chunk c = split.next(buf != null ? buf : new byte[chunkBytes]);
                    if (c == null) break;
                    parsed.add(workers.submit(() -> {
                        try {
                            BuilderScratch scratch = scratches.poll();
                            if (scratch == null) scratch = new BuilderScratch((int) (chunkBytes * eventsPerByte * 1.1));
                            return FtraceChunk.parse(c.buffer(), 0, c.length(), report, LineReader.DEFAULT_MAX_LINE, out.arena, scratch);
                        } finally {
                            if (c.buffer().length == chunkBytes) free.add(c.buffer());
                        }
                    }));
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) { // the merging thread waits for END or a failure: never leave it waiting
                parsed.add(CompletableFuture.failedFuture(e));
            }
            parsed.add(END);
        }, "ftrace-read");
        reader.start();
        ChunkMerger merger = new ChunkMerger(out);
        try {
            while (true) {
                Future<FtraceChunk> f = parsed.take();
                if (f == END) break;
                FtraceChunk chunk = f.get();
                merger.add(chunk);
                if (chunk.scratch != null) scratches.add(chunk.scratch);
                inFlight.release();
                monitor.checkCancelled();
                monitor.progress(src.bytesRead(), src.size());
            }
            merger.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("load interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IOException(c);
        } finally {
            reader.interrupt();
            workers.shutdownNow();
            in.close();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
