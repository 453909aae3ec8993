package dev.virtscope.format.tracedat;

/**
 * Walks the kernel ring-buffer pages of one CPU (include/linux/ring_buffer.h layout, as read by
 * libtraceevent's kbuffer): page header {@code u64 timestamp; long commit;} then events, each
 * starting with {@code u32 type_len:5, time_delta:27}. Hands every data record, with its absolute
 * timestamp, to a {@link Sink}; time extends, absolute stamps and padding are consumed here.
 */
final class PageWalker {
    private static final int TYPE_PADDING = 29, TYPE_TIME_EXTEND = 30, TYPE_TIME_STAMP = 31;
    private static final long MISSED_EVENTS = 1L << 31, MISSED_STORED = 1L << 30;
    private static final long TS_MSB_MASK = ~((1L << 59) - 1);

    interface Sink {
        /** One data record: {@code page[off, off+len)} holds common_type, flags, pid, fields. */
        void record(int cpu, long ts, byte[] page, int off, int len);

        /** The page starting at ts follows lost events (count -1 when the kernel did not store it). */
        void missed(int cpu, long ts, long count);
    }

    private final boolean big;
    private final int commitSize;
    private final int dataOffset;

    /**
     * @param commitSize the kernel's long size, from header_page's {@code commit … size:N}
     * @param dataOffset offset of the first event in a page, from header_page's {@code data} field
     */
    PageWalker(boolean bigEndian, int commitSize, int dataOffset) {
        this.big = bigEndian;
        this.commitSize = commitSize;
        this.dataOffset = dataOffset;
    }

    /** Walks one page; returns false when the page header is unreadable (the walk should stop). */
    boolean page(int cpu, byte[] b, int start, int pageSize, Sink sink) {
        if (pageSize < dataOffset) return false;
        long ts = u64(b, start);
        long commit = commitSize == 4 ? u32(b, start + 8) : u64(b, start + 8);
        long flags = commit & (MISSED_EVENTS | MISSED_STORED);
        int size = (int) (commit & 0x3fffffffL);
        int data = start + dataOffset;
        int end = data + size;
        if (size == 0) return true;
        if (end > start + pageSize) return false;
        boolean reportMissed = (flags & MISSED_EVENTS) != 0;
        long missedCount = -1;
        if ((flags & MISSED_STORED) != 0 && end + commitSize <= start + pageSize)
            missedCount = commitSize == 4 ? u32(b, end) : u64(b, end);
        int p = data;
        while (p + 4 <= end) {
            long h = u32(b, p);
            int typeLen;
            long delta;
            if (big) {
                typeLen = (int) (h >>> 27);
                delta = h & 0x07ffffffL;
            } else {
                typeLen = (int) (h & 0x1f);
                delta = h >>> 5;
            }
            switch (typeLen) {
                case TYPE_PADDING -> {
                    if (delta == 0 || p + 8 > end) return true; // rest of the page is unused
                    long pad = u32(b, p + 4);
                    if (pad > end - p - 4) return false; // padding past the committed data: a damaged page
                    p += 4 + (int) pad;
                }
                case TYPE_TIME_EXTEND -> {
                    if (p + 8 > end) return true;
                    ts += (u32(b, p + 4) << 27) + delta;
                    p += 8;
                }
                case TYPE_TIME_STAMP -> {
                    if (p + 8 > end) return true;
                    long abs = (u32(b, p + 4) << 27) | delta;
                    long v = abs | (ts & TS_MSB_MASK);
                    if ((ts & TS_MSB_MASK) != 0 && v < ts) v += 1L << 59;
                    ts = v;
                    p += 8;
                }
                default -> {
                    int off;
                    int len;
                    if (typeLen == 0) {
                        if (p + 8 > end) return true;
                        long l = u32(b, p + 4) - 4;
                        len = l > Integer.MAX_VALUE ? -1 : (int) l;
                        off = p + 8;
                    } else {
                        len = typeLen * 4;
                        off = p + 4;
                    }
                    if (len < 0 || (long) off + len > end) return false; // long: a huge length must not wrap past the check
                    ts += delta;
                    if (reportMissed) {
                        sink.missed(cpu, ts, missedCount);
                        reportMissed = false;
                    }
                    sink.record(cpu, ts, b, off, len);
                    p = off + len;
                }
            }
        }
        if (reportMissed) sink.missed(cpu, ts, missedCount);
        return true;
    }

    long u32(byte[] b, int i) {
        if (big) return ((b[i] & 0xffL) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
        return (b[i] & 0xffL) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16) | ((b[i + 3] & 0xffL) << 24);
    }

    long u64(byte[] b, int i) {
        long x = u32(b, i);
        long y = u32(b, i + 4);
        return big ? (x << 32) | y : (y << 32) | x;
    }
}
