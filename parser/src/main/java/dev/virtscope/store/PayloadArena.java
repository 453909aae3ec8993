package dev.virtscope.store;

import java.util.Arrays;

/**
 * Payload bytes of all events, appended once while parsing and decoded lazily later. Stored in
 * fixed pages so the arena can pass 2 GiB; a record never straddles pages, so a payload is
 * always one contiguous slice. A reference is {@code page << 32 | offset}; the record starts with
 * its length as a varint.
 */
public final class PayloadArena {
    /**
     * 8 MiB with the 16-byte array header: G1 allocates a page as a humongous object outside the young
     * generation (so no collection ever copies it), and it fills its regions exactly for region sizes
     * of 1 to 8 MiB (heaps up to about 32 GiB); a page of 4 MiB would be copied by young collections
     * once trimmed below half an 8 MiB region, and would leave half its region unused otherwise.
     */
    static final int PAGE_SIZE = (8 << 20) - 16;
    /** First page of an arena filled by {@link #append}: small traces should not take a whole page. */
    private static final int FIRST_PAGE = 256 << 10;
    /** Unused bytes at the end of a full page that are not worth a copy to reclaim. */
    private static final int TRIM_SLACK = PAGE_SIZE >> 6;

    private byte[][] pages = new byte[4][];
    private int pageCount;
    private int pos;
    private long used;

    public long append(byte[] src, int off, int len) {
        int need = len + 5;
        if (pageCount == 0 || pos + need > pages[pageCount - 1].length) {
            int size = pageCount == 0 ? FIRST_PAGE : Math.min(PAGE_SIZE, pages[pageCount - 1].length * 2);
            newPage(Math.max(size, need));
        }
        byte[] p = pages[pageCount - 1];
        long ref = ((long) (pageCount - 1) << 32) | pos;
        pos = writeRecord(p, pos, src, off, len);
        used += len;
        return ref;
    }

    /** Writes the record (length varint, then the bytes) at p[at]; returns the position after it. */
    private static int writeRecord(byte[] p, int at, byte[] src, int off, int len) {
        int v = len;
        while ((v & ~0x7f) != 0) {
            p[at++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        p[at++] = (byte) v;
        System.arraycopy(src, off, p, at, len);
        return at + len;
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7f) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private void newPage(int size) {
        // a page left with the end of one record unused is kept as it is: trimming it would copy every
        // payload byte a second time; only a page left early (by a record too large for its end) is trimmed
        if (pageCount > 0 && pages[pageCount - 1].length - pos > TRIM_SLACK) pages[pageCount - 1] = Arrays.copyOf(pages[pageCount - 1], pos);
        addPage(new byte[size]);
    }

    private void addPage(byte[] page) {
        if (pageCount == pages.length) pages = Arrays.copyOf(pages, pageCount * 2);
        pages[pageCount++] = page;
        pos = 0;
    }

    /**
     * Copies every payload of slices into this arena, one after another, and returns the reference
     * each got. Several threads may place at once (each with slices of its own): where the records go
     * is decided under this arena's lock, the copying is done outside it, into places no other thread
     * writes. Pages are never trimmed while being shared (another thread may still be copying into
     * one); {@link #trim} at the end, once every thread is done, trims the last. The arena must not be
     * read, nor appended to, until every place call has returned.
     */
    long[] place(PayloadSlices slices) {
        int n = slices.count();
        long[] refs = new long[n];
        byte[][] target = new byte[4][];
        int firstPage, targets = 0;
        synchronized (this) {
            // target[k] is page firstPage + k: the current page (if any), then the ones this call opens
            firstPage = Math.max(0, pageCount - 1);
            if (pageCount > 0) target[targets++] = pages[pageCount - 1];
            for (int i = 0; i < n; i++) {
                int len = slices.length(i);
                int need = varintSize(len) + len;
                if (pageCount == 0 || pos + need > pages[pageCount - 1].length) {
                    addPage(new byte[Math.max(PAGE_SIZE, need)]);
                    if (targets == target.length) target = Arrays.copyOf(target, targets * 2);
                    target[targets++] = pages[pageCount - 1];
                }
                refs[i] = ((long) (pageCount - 1) << 32) | pos;
                pos += need;
                used += len;
            }
        }
        for (int i = 0; i < n; i++) {
            long r = refs[i];
            byte[] page = target[(int) (r >>> 32) - firstPage];
            writeRecord(page, (int) r, slices.bytes(i), slices.start(i), slices.length(i));
        }
        return refs;
    }

    /**
     * Takes over other's pages after this arena's own (other must not be used afterwards); returns the
     * page number other's page 0 now has, to add to its references' page part. An other without pages
     * changes nothing and gives 0 (its events' payloads, if any, were placed here already).
     */
    int adopt(PayloadArena other) {
        if (other.pageCount == 0) return 0;
        other.trim();
        if (pageCount > 0 && pos < pages[pageCount - 1].length) pages[pageCount - 1] = Arrays.copyOf(pages[pageCount - 1], pos);
        int base = pageCount;
        int n = other.pageCount;
        if (pageCount + n > pages.length) pages = Arrays.copyOf(pages, Math.max(pageCount + n, pages.length * 2));
        System.arraycopy(other.pages, 0, pages, pageCount, n);
        pageCount += n;
        // the last adopted page is full as trimmed: the next append starts a new page
        pos = pageCount == 0 ? 0 : pages[pageCount - 1].length;
        used += other.used;
        return base;
    }

    /**
     * A new arena that reads the pages of built arenas (shared, not copied: built arenas never change)
     * one after another; null entries are skipped. base[k] receives the page number arena k's page 0
     * has in the result. Appends to the result start a page of their own.
     */
    static PayloadArena sharing(java.util.List<PayloadArena> arenas, int[] base) {
        PayloadArena out = new PayloadArena();
        int total = 0;
        for (PayloadArena a : arenas) if (a != null) total += a.pageCount;
        out.pages = new byte[Math.max(4, total)][];
        for (int k = 0; k < arenas.size(); k++) {
            PayloadArena a = arenas.get(k);
            base[k] = out.pageCount;
            if (a == null) continue;
            System.arraycopy(a.pages, 0, out.pages, out.pageCount, a.pageCount);
            out.pageCount += a.pageCount;
            out.used += a.used;
        }
        out.pos = out.pageCount == 0 ? 0 : out.pages[out.pageCount - 1].length;
        return out;
    }

    public void view(long ref, Payload out) {
        byte[] p = pages[(int) (ref >>> 32)];
        int i = (int) ref;
        int len = 0;
        int shift = 0;
        byte b;
        do {
            b = p[i++];
            len |= (b & 0x7f) << shift;
            shift += 7;
        } while (b < 0);
        out.set(p, i, i + len);
    }

    /** Shrinks the last page to what it holds; called once when the store is built. */
    void trim() {
        if (pageCount > 0 && pos < pages[pageCount - 1].length) pages[pageCount - 1] = Arrays.copyOf(pages[pageCount - 1], pos);
        pages = Arrays.copyOf(pages, Math.max(1, pageCount));
    }

    public long payloadBytes() {
        return used;
    }

    public long retainedBytes() {
        long n = 0;
        for (int i = 0; i < pageCount; i++) n += pages[i].length;
        return n;
    }
}
