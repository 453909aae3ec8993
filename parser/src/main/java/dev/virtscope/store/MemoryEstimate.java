package dev.virtscope.store;

import java.io.IOException;

/**
 * How much heap loading a file will take, estimated before loading from a sample of it (events per
 * input byte and payload bytes per event), compared with what the JVM can still give. Loading a file
 * that cannot fit fails at once with a message saying how much is needed, instead of an
 * OutOfMemoryError minutes later.
 */
public final class MemoryEstimate {
    /**
     * Heap per event at the peak of a load, payload excluded: the builder's columns (24 B, with up to
     * 50 % growth slack), the parallel importer's chunk columns, the store's columns and indexes (32 B)
     * while the builder's are still referenced, and the sort permutation of an out-of-order input.
     */
    static final int PEAK_BYTES_PER_EVENT = 96;
    /** Payload arena per payload byte: the length varint and the unused end of each page. */
    static final double ARENA_PER_PAYLOAD_BYTE = 1.05;
    /** String tables, task table, reader buffers, in-flight chunks. */
    static final long FIXED_BYTES = 96L << 20;

    /** Estimated events in the file. */
    public final long events;
    /** Estimated payload bytes in the file. */
    public final long payloadBytes;
    /** Estimated heap needed at the peak of the load. */
    public final long peakBytes;
    /** Events per (decompressed) input byte in the sample; 0 when it had none. */
    public final double eventsPerByte;

    private MemoryEstimate(long events, long payloadBytes, double eventsPerByte) {
        this.events = events;
        this.eventsPerByte = eventsPerByte;
        this.payloadBytes = payloadBytes;
        this.peakBytes = events * PEAK_BYTES_PER_EVENT + (long) (payloadBytes * ARENA_PER_PAYLOAD_BYTE) + FIXED_BYTES;
    }

    /**
     * @param inputBytes         (decompressed) size of the whole file, known or estimated
     * @param sampleBytes        bytes of the sample read from its start
     * @param sampleEvents       events in the sample
     * @param samplePayloadBytes payload bytes of those events
     */
    public static MemoryEstimate of(long inputBytes, long sampleBytes, long sampleEvents, long samplePayloadBytes) {
        if (sampleBytes <= 0 || sampleEvents <= 0) return new MemoryEstimate(0, 0, 0);
        double scale = (double) inputBytes / sampleBytes;
        return new MemoryEstimate((long) (sampleEvents * scale), (long) (samplePayloadBytes * scale), (double) sampleEvents / sampleBytes);
    }

    /** Heap the JVM can still hand out: its maximum minus what is in use. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** Throws {@link TooLargeException} when the load would not fit in the heap left. */
    public void requireFits(String file) throws TooLargeException {
        if (peakBytes <= available()) return;
        System.gc(); // only when it looks too tight: garbage not yet collected counts as used
        long free = available();
        if (peakBytes <= free) return;
        throw new TooLargeException(String.format(
                "%s: not enough memory to load it: about %,d events need about %s of Java heap, and %s is free "
                        + "(maximum heap %s). Start VirtScope with a larger heap (VIRTSCOPE_XMX=%dg ./virtscope, or java -Xmx%dg), "
                        + "or cut the trace (trace-cmd report --first-event / --last-event, or split).",
                file, events, gib(peakBytes), gib(free), gib(Runtime.getRuntime().maxMemory()),
                suggestedGib(), suggestedGib()));
    }

    private long suggestedGib() {
        long inUse = Runtime.getRuntime().maxMemory() - available();
        return Math.max(1, (peakBytes + inUse + (1L << 30) - 1) >> 30);
    }

    private static String gib(long bytes) {
        return String.format("%.1f GiB", bytes / (double) (1L << 30));
    }

    /** The file needs more heap than the JVM has left. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(String message) {
            super(message);
        }
    }
}
