package dev.virtscope.store;

import java.util.Arrays;

/**
 * Places where the tracer says events are missing. Analyses must not pair events across them,
 * and views draw them, so they are kept as markers rather than dropped.
 */
public final class LostEvents {
    public enum Kind {
        /** trace_pipe {@code CPU:N [LOST M EVENTS]} */
        LOST,
        /** trace-cmd report {@code CPU:N [M EVENTS DROPPED]} or a ring-buffer page's missed-events flag */
        DROPPED,
        /** {@code ##### CPU N buffer started ####}: the buffer of this CPU overran before this point */
        BUFFER_STARTED,
        /** header {@code entries-in-buffer/entries-written: A/B} with A &lt; B: B-A events overwritten, place unknown */
        OVERWRITTEN,
        /** QEMU simpletrace Dropped_Event record */
        QEMU_DROPPED
    }

    private long[] ts = new long[4];
    private int[] cpu = new int[4];
    private long[] count = new long[4];
    private byte[] kind = new byte[4];
    private long[] line = new long[4];
    private int size;

    /**
     * @param tsNs time of the marker: that of the next event seen on that CPU, or Long.MIN_VALUE if unknown
     * @param cpu  CPU, or -1 for all/unknown
     * @param n    number of events lost, or -1 when the tracer does not say
     */
    public void add(long tsNs, int cpu, long n, Kind k, long lineNo) {
        if (size == ts.length) {
            int c = size * 2;
            ts = Arrays.copyOf(ts, c);
            this.cpu = Arrays.copyOf(this.cpu, c);
            count = Arrays.copyOf(count, c);
            kind = Arrays.copyOf(kind, c);
            line = Arrays.copyOf(line, c);
        }
        ts[size] = tsNs;
        this.cpu[size] = cpu;
        count[size] = n;
        kind[size] = (byte) k.ordinal();
        line[size] = lineNo;
        size++;
    }

    /** Sets the time of a marker whose time was unknown when it was read. */
    public void setTime(int i, long tsNs) {
        ts[i] = tsNs;
    }

    public int size() {
        return size;
    }

    public long ts(int i) {
        return ts[i];
    }

    public int cpu(int i) {
        return cpu[i];
    }

    /** -1 when the tracer did not say how many */
    public long count(int i) {
        return count[i];
    }

    public Kind kind(int i) {
        return Kind.values()[kind[i]];
    }

    public long line(int i) {
        return line[i];
    }

    /** Sum of known counts (markers with unknown counts add nothing). */
    public long totalKnownLost() {
        long n = 0;
        for (int i = 0; i < size; i++) if (count[i] > 0) n += count[i];
        return n;
    }
}
