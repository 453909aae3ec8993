package dev.virtscope.store;

import java.util.Arrays;

/**
 * Payload bytes of all events, appended once while parsing and decoded lazily later. Stored in
 * fixed pages so the arena can pass 2 GiB; a record never straddles pages, so a payload is
 * always one contiguous slice. A reference is {@code page << 32 | offset}; the record starts with
 * its length as a varint.
 */
public final class PayloadArena {
    static final int PAGE_SIZE = 1 << 22;

    private byte[][] pages = new byte[4][];
    private int pageCount;
    private int pos;
    private long used;

    public long append(byte[] src, int off, int len) {
        int need = len + 5;
        if (pageCount == 0 || pos + need > pages[pageCount - 1].length) newPage(Math.max(PAGE_SIZE, need));
        byte[] p = pages[pageCount - 1];
        long ref = ((long) (pageCount - 1) << 32) | pos;
        int v = len;
        while ((v & ~0x7f) != 0) {
            p[pos++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        p[pos++] = (byte) v;
        System.arraycopy(src, off, p, pos, len);
        pos += len;
        used += len;
        return ref;
    }

    private void newPage(int size) {
        if (pageCount > 0 && pos < pages[pageCount - 1].length) pages[pageCount - 1] = Arrays.copyOf(pages[pageCount - 1], pos);
        if (pageCount == pages.length) pages = Arrays.copyOf(pages, pageCount * 2);
        pages[pageCount++] = new byte[size];
        pos = 0;
    }

    /**
     * Takes over other's pages after this arena's own (other must not be used afterwards); returns the
     * page number other's page 0 now has, to add to its references' page part.
     */
    int adopt(PayloadArena other) {
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
