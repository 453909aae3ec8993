package dev.virtscope.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import dev.virtscope.io.Compression;
import dev.virtscope.io.TraceSource;

/**
 * Heap a load will need, estimated before reading the whole file: the decompressed size (the file
 * size, or for compressed files the size scaled by the ratio seen on the first few MiB), divided by
 * the bytes per record seen in the head, times what one record costs in the store. The figures per
 * record are deliberately rounded up: 32 bytes of columns and indexes, the same again while the
 * builder grows and sorts, plus the payload; stack formats (perf script, folded) share frames, so a
 * line costs a quarter of an event. An estimate, within a small factor: it exists so that a 10 GB
 * file on a 4 GB heap is refused with a figure instead of ending in OutOfMemoryError.
 *
 * @param decompressedBytes estimated size of the decompressed input
 * @param records           estimated lines (text formats) or records (binary formats)
 * @param heapBytes         estimated peak heap of the load
 */
public record MemoryEstimate(long decompressedBytes, long records, long heapBytes) {
    /** How much decompressed input is read to measure the compression ratio of a compressed file. */
    static final int RATIO_SAMPLE = 4 << 20;
    private static final int PER_EVENT = 80;
    /** Typical on-disk sizes of one record of the binary formats (trace.dat ring-buffer record, simpletrace record). */
    private static final int DAT_RECORD = 40, SIMPLETRACE_RECORD = 48;

    public static MemoryEstimate of(TraceSource src, TraceFormat format) throws IOException {
        long size = decompressedSize(src);
        String name = format.name();
        long records, heap;
        if (name.equals("trace.dat")) {
            records = size / DAT_RECORD;
            // a compressed trace.dat is decompressed into memory before its records are read
            heap = records * (PER_EVENT + DAT_RECORD) + (src.compression() == Compression.NONE ? 0 : size);
        } else if (name.equals("qemu-simpletrace")) {
            records = size / SIMPLETRACE_RECORD;
            heap = records * (PER_EVENT + 2 * SIMPLETRACE_RECORD); // arguments are stored as text, about twice their binary size
        } else {
            double perLine = bytesPerLine(src.head());
            records = (long) Math.ceil(size / perLine);
            long perRecord = PER_EVENT + (long) Math.ceil(perLine);
            boolean stacks = name.equals("perf-script") || name.equals("folded");
            heap = stacks ? records * perRecord / 4 : records * perRecord;
        }
        return new MemoryEstimate(size, records, heap);
    }

    /** Throws when the estimate exceeds {@code available}; the message gives both figures and the remedy. */
    public void check(TraceSource src, long available) throws InsufficientMemoryException {
        if (heapBytes <= available) return;
        throw new InsufficientMemoryException(String.format(Locale.ROOT,
                "%s: too large for the memory VirtScope may use: loading it needs about %d MB (about %d records in %d MB of %s),"
                        + " you have %d MB free. Start VirtScope with a larger heap (VIRTSCOPE_XMX=16g ./virtscope, or java -Xmx16g -jar"
                        + " virtscope.jar) or load a part of the trace (trace-cmd report --first/--last, head -n)",
                src.path(), mb(heapBytes), records, mb(decompressedBytes), src.compression() == Compression.NONE ? "text/data" : "decompressed data",
                mb(Math.max(0, available))));
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** Mean line length in the head (at least 16 bytes, so a head without newlines does not make every byte a line). */
    static double bytesPerLine(byte[] head) {
        int lines = 0;
        for (byte b : head) if (b == '\n') lines++;
        if (lines == 0) return Math.max(16, head.length);
        return Math.max(16, (double) head.length / lines);
    }

    static long decompressedSize(TraceSource src) throws IOException {
        if (src.compression() == Compression.NONE) return src.size();
        long out = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = src.open()) {
            int n;
            while (out < RATIO_SAMPLE && (n = in.read(buf)) > 0) out += n;
            if (in.read() < 0) return out; // the whole file fitted in the sample: its size is exact
            long consumed = Math.max(1, src.bytesRead());
            return (long) ((double) out / consumed * src.size());
        }
    }
}
