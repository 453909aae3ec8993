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
        for (long ch = 0; ch < chunks; ch++) {
            int csize = c.length(c.u32(), "compressed chunk");
            long usize = c.u32();
            Codec.checkClaim(csize, usize, "compressed chunk " + ch);
            if (src.length < csize) src = new byte[csize];
            if (dst.length < usize) dst = new byte[(int) usize];
            c.buf.get(c.pos, src, 0, csize);
            c.pos += csize;
            codec.decompress(src, 0, csize, dst, 0, (int) usize);
            for (int p = 0; p < usize; p += ps) {
                int n = (int) Math.min(ps, usize - p);
                if (!walker.page(cpu, dst, p, n, sink)) throw new IOException("malformed page in chunk " + ch);
            }
            monitor.checkCancelled();
        }
    }
}
