package dev.virtscope.format;

import dev.virtscope.io.DecompressionLimits;

/**
 * The resource limits a load runs under.
 *
 * @param decompression how far compressed input may expand
 * @param heapBytes     memory a load may use; {@link #RUNTIME_HEAP} means what the JVM has free when the load starts
 */
public record LoadLimits(DecompressionLimits decompression, long heapBytes) {
    public static final long RUNTIME_HEAP = -1;
    public static final LoadLimits DEFAULT = new LoadLimits(DecompressionLimits.DEFAULT, RUNTIME_HEAP);

    /** Heap this load may fill: the configured figure, or the JVM's maximum minus what is in use now. */
    public long availableHeap() {
        if (heapBytes != RUNTIME_HEAP) return heapBytes;
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }
}
