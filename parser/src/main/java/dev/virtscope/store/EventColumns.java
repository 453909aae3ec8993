package dev.virtscope.store;

import java.util.Arrays;

/**
 * The five per-event columns of a builder (time, payload reference, tid, CPU, type), kept in blocks
 * so that growing never copies what is already stored: a new block is added instead. Blocks double
 * from a first size up to {@link #MAX_BLOCK} events, then stay at that size. {@link #flatten} copies
 * them once into exact-size arrays when the store is built; that copy replaces the growth copies and
 * the final trim of one growing array per column.
 */
final class EventColumns {
    /**
     * Just under 2 Mi events: with their 16-byte array headers the long blocks take 16 MiB, the int
     * ones 8 MiB, the short and char ones just over 4 MiB, so with G1's regions of up to 8 MiB (heaps up
     * to about 32 GiB) each is larger than half a region: a humongous object, allocated outside the
     * young generation and never copied by a collection.
     */
    static final int MAX_BLOCK = (1 << 21) - 4;
    private static final int FIRST_BLOCK = 1 << 10;

    private long[][] tsBlocks = new long[4][], refBlocks = new long[4][];
    private int[][] tidBlocks = new int[4][];
    private short[][] cpuBlocks = new short[4][];
    private char[][] typeBlocks = new char[4][];
    /** Index of block k's first event. */
    private int[] blockStart = new int[4];
    private int blocks;
    // the block being filled
    private long[] ts, ref;
    private int[] tid;
    private short[] cpu;
    private char[] type;
    private int pos, cap;
    private int size;
    private final int firstBlock;

    EventColumns() {
        this(FIRST_BLOCK);
    }

    /** @param expected how many events are likely: the first block holds that many (within [1 Ki, 1 Mi]) */
    EventColumns(int expected) {
        firstBlock = Math.max(FIRST_BLOCK, Math.min(MAX_BLOCK, expected));
    }

    int size() {
        return size;
    }

    void add(long tsNs, long payloadRef, int tidNo, short cpuNo, char typeId) {
        if (pos == cap) newBlock();
        int p = pos;
        ts[p] = tsNs;
        ref[p] = payloadRef;
        tid[p] = tidNo;
        cpu[p] = cpuNo;
        type[p] = typeId;
        pos = p + 1;
        size++;
    }

    private void newBlock() {
        newBlock(blocks == 0 ? firstBlock : Math.min(MAX_BLOCK, cap * 2));
    }

    private void newBlock(int c) {
        if (blocks < tsBlocks.length && tsBlocks[blocks] != null) { // kept by reset(): filled anew
            blockStart[blocks] = size;
            ts = tsBlocks[blocks];
            ref = refBlocks[blocks];
            tid = tidBlocks[blocks];
            cpu = cpuBlocks[blocks];
            type = typeBlocks[blocks];
            blocks++;
            pos = 0;
            cap = ts.length;
            return;
        }
        if (blocks == tsBlocks.length) {
            int n = blocks * 2;
            tsBlocks = Arrays.copyOf(tsBlocks, n);
            refBlocks = Arrays.copyOf(refBlocks, n);
            tidBlocks = Arrays.copyOf(tidBlocks, n);
            cpuBlocks = Arrays.copyOf(cpuBlocks, n);
            typeBlocks = Arrays.copyOf(typeBlocks, n);
            blockStart = Arrays.copyOf(blockStart, n);
        }
        tsBlocks[blocks] = ts = new long[c];
        refBlocks[blocks] = ref = new long[c];
        tidBlocks[blocks] = tid = new int[c];
        cpuBlocks[blocks] = cpu = new short[c];
        typeBlocks[blocks] = type = new char[c];
        blockStart[blocks] = size;
        blocks++;
        pos = 0;
        cap = c;
    }

    /** Empties the columns but keeps their blocks, to be filled again without allocating them anew. */
    void reset() {
        size = 0;
        blocks = 0;
        pos = 0;
        cap = 0;
    }

    /** Block holding event i. */
    private int blockOf(int i) {
        int k = Arrays.binarySearch(blockStart, 0, blocks, i);
        return k >= 0 ? k : -k - 2;
    }

    long ts(int i) {
        int k = blockOf(i);
        return tsBlocks[k][i - blockStart[k]];
    }

    int cpu(int i) {
        int k = blockOf(i);
        return cpuBlocks[k][i - blockStart[k]];
    }

    long lastRef() {
        return ref[pos - 1];
    }

    void setLastRef(long r) {
        ref[pos - 1] = r;
    }

    /** Replaces every payload slice reference ({@link PayloadSlices}) by refs[slice number]. */
    void resolveSlices(long[] refs) {
        for (int k = 0; k < blocks; k++) {
            long[] r = refBlocks[k];
            int n = k == blocks - 1 ? pos : blockStart[k + 1] - blockStart[k];
            for (int j = 0; j < n; j++) if (PayloadSlices.isSlice(r[j])) r[j] = refs[(int) r[j]];
        }
    }

    /**
     * Appends every event of part after these, adding pageBase to each payload reference and renaming
     * type ids through typeMap; part is left as it was.
     */
    void append(EventColumns part, long pageBase, int[] typeMap) {
        for (int k = 0; k < part.blocks; k++) {
            int n = k == part.blocks - 1 ? part.pos : part.blockStart[k + 1] - part.blockStart[k];
            long[] pts = part.tsBlocks[k], pref = part.refBlocks[k];
            int[] ptid = part.tidBlocks[k];
            short[] pcpu = part.cpuBlocks[k];
            char[] ptype = part.typeBlocks[k];
            int from = 0;
            while (from < n) {
                if (pos == cap) newBlock(MAX_BLOCK); // appending is for large inputs: no small blocks first
                int m = Math.min(n - from, cap - pos);
                System.arraycopy(pts, from, ts, pos, m);
                System.arraycopy(ptid, from, tid, pos, m);
                System.arraycopy(pcpu, from, cpu, pos, m);
                long[] r = ref;
                char[] y = type;
                for (int j = 0; j < m; j++) {
                    r[pos + j] = pref[from + j] + pageBase;
                    y[pos + j] = (char) typeMap[ptype[from + j]];
                }
                pos += m;
                size += m;
                from += m;
            }
        }
    }

    /** The columns as exact-size arrays, in the order events were added; the blocks are dropped. */
    Flat flatten() {
        int n = size;
        Flat f = new Flat(new long[n], new long[n], new int[n], new short[n], new char[n]);
        for (int k = 0; k < blocks; k++) {
            int at = blockStart[k];
            int m = k == blocks - 1 ? pos : blockStart[k + 1] - at;
            System.arraycopy(tsBlocks[k], 0, f.ts, at, m);
            System.arraycopy(refBlocks[k], 0, f.ref, at, m);
            System.arraycopy(tidBlocks[k], 0, f.tid, at, m);
            System.arraycopy(cpuBlocks[k], 0, f.cpu, at, m);
            System.arraycopy(typeBlocks[k], 0, f.type, at, m);
            tsBlocks[k] = refBlocks[k] = null; // each block can go as soon as it is copied
            tidBlocks[k] = null;
            cpuBlocks[k] = null;
            typeBlocks[k] = null;
        }
        ts = ref = null;
        tid = null;
        cpu = null;
        type = null;
        blocks = 0;
        return f;
    }

    record Flat(long[] ts, long[] ref, int[] tid, short[] cpu, char[] type) {
    }
}
