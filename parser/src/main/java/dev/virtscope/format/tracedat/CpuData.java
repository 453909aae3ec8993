package dev.virtscope.format.tracedat;

import java.io.IOException;
import java.nio.ByteBuffer;

import dev.virtscope.format.LoadMonitor;

/**
 * One CPU's ring-buffer data: whole pages stored plainly (v6, v7 "none"), or for compressed v7
 * files a sequence of chunks ({@code u32 count; count × (u32 csize, u32 usize, data)}), each
 * decompressing to whole pages.
 */
final class CpuData {
    private final ByteBuffer file;
    private final DatFile dat;
    private final Codec codec;
    private byte[] page;
    private byte[] src = new byte[0];
    private byte[] dst = new byte[0];

    CpuData(ByteBuffer file, DatFile dat, Codec codec) {
        this.file = file.duplicate().order(dat.order);
        this.dat = dat;
        this.codec = codec;
        this.page = new byte[Math.max(64, dat.pageSize)];
    }

    void walk(DatFile.Buffer b, int k, PageWalker walker, PageWalker.Sink sink, LoadMonitor monitor) throws IOException {
        int cpu = b.cpu[k];
        long off = b.offset[k];
        long size = b.size[k];
        if (off < 0 || off > file.limit() || size < 0)
            throw new IOException("data at offset " + off + " (+" + size + ") lies beyond the end of the file");
        int ps = dat.pageSize;
        if (ps <= 0) throw new IOException("page size " + ps + " is not usable");
        // a truncated file keeps the whole pages it still has; the cut page is dropped
        long avail = Math.min(size, file.limit() - off);
        boolean cut = avail < size;
        if (!b.compressed) {
            int pages = 0;
            for (long p = off; p < off + avail; p += ps) {
                int n = (int) Math.min(ps, off + avail - p);
                if (cut && n < ps) break;
                file.get((int) p, page, 0, n);
                if (!walker.page(cpu, page, 0, n, sink)) throw new IOException("malformed page at offset " + p);
                if ((++pages & 1023) == 0) monitor.checkCancelled();
            }
            if (cut) throw new IOException("the file ends inside this CPU's data (truncated?): " + (size - avail) + " of its " + size + " bytes are missing");
            return;
        }
        DatCursor c = new DatCursor(file, dat.order, (int) off);
        long chunks = c.u32();
        if (chunks > 1 && Runtime.getRuntime().availableProcessors() > 1) {
            walkDecompressingAhead(c, chunks, cpu, walker, sink, monitor);
            return;
        }
        for (long ch = 0; ch < chunks; ch++) {
            walkChunk(readChunk(c, ch, null), ch, cpu, walker, sink);
            monitor.checkCancelled();
        }
    }

    /** One decompressed chunk: whole pages in data[0, size). */
    private record Chunk(byte[] data, int size) {
    }

    private Chunk readChunk(DatCursor c, long ch, byte[] reuse) throws IOException {
        int csize = c.length(c.u32(), "compressed chunk");
        long usize = c.u32();
        Codec.checkClaim(csize, usize, "compressed chunk " + ch);
        if (src.length < csize) src = new byte[csize];
        byte[] out;
        if (reuse == null) {
            // the walk on this thread alone: one buffer, grown when a chunk needs more
            if (dst.length < usize) dst = new byte[(int) usize];
            out = dst;
        } else out = reuse.length >= usize ? reuse : new byte[(int) usize];
        c.buf.get(c.pos, src, 0, csize);
        c.pos += csize;
        codec.decompress(src, 0, csize, out, 0, (int) usize);
        return new Chunk(out, (int) usize);
    }

    private void walkChunk(Chunk k, long ch, int cpu, PageWalker walker, PageWalker.Sink sink) throws IOException {
        int ps = dat.pageSize;
        for (int p = 0; p < k.size; p += ps) {
            int n = Math.min(ps, k.size - p);
            if (!walker.page(cpu, k.data, p, n, sink)) throw new IOException("malformed page in chunk " + ch);
        }
    }

    private static final int AHEAD = 4;
    private static final Chunk END = new Chunk(new byte[0], 0);

    /**
     * Decompression of a CPU's chunks on a second thread, up to {@value #AHEAD} chunks ahead of the
     * page walk, which builds the store on this thread: on a zstd trace.dat the two take similar time,
     * so overlapping them is most of what two cores can give. Buffers go round a free list, so memory
     * stays at AHEAD + 1 chunks whatever the file's size. Errors and cancellation stop both sides.
     */
    private void walkDecompressingAhead(DatCursor c, long chunks, int cpu, PageWalker walker, PageWalker.Sink sink,
                                        LoadMonitor monitor) throws IOException {
        java.util.concurrent.BlockingQueue<Chunk> ready = new java.util.concurrent.ArrayBlockingQueue<>(AHEAD + 2);
        java.util.concurrent.BlockingQueue<byte[]> free = new java.util.concurrent.ArrayBlockingQueue<>(AHEAD + 2);
        IOException[] failure = new IOException[1];
        Thread t = new Thread(() -> {
            try {
                for (long ch = 0; ch < chunks; ch++) {
                    byte[] reuse = ch < AHEAD ? new byte[0] : free.take();
                    ready.put(readChunk(c, ch, reuse));
                }
            } catch (IOException e) {
                failure[0] = e;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failure[0] = new IOException("compressed data: " + e, e);
            }
            try {
                ready.put(END);
            } catch (InterruptedException e) {
                // the walk has stopped and no longer reads the queue
            }
        }, "trace.dat decompress cpu " + cpu);
        t.setDaemon(true);
        t.start();
        try {
            for (long ch = 0; ; ch++) {
                Chunk k = ready.take();
                if (k == END) break;
                walkChunk(k, ch, cpu, walker, sink);
                free.offer(k.data);
                monitor.checkCancelled();
            }
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading compressed data");
        } finally {
            t.interrupt();
        }
        if (failure[0] != null) throw failure[0];
    }
}
