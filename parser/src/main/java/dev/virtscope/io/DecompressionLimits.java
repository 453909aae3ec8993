package dev.virtscope.io;

/**
 * How far a compressed trace may expand before reading stops with a {@link DecompressionLimitException}:
 * an absolute cap on decompressed bytes, and a cap on the ratio of decompressed to compressed bytes
 * that applies once {@code ratioGraceBytes} have come out (a small file may compress 10000:1; a
 * gigabyte that did is a decompression bomb, not a trace — real trace text compresses 5–50:1).
 * Defaults can be changed with the system properties {@code virtscope.maxDecompressedBytes} and
 * {@code virtscope.maxCompressionRatio}.
 */
public record DecompressionLimits(long maxBytes, double maxRatio, long ratioGraceBytes) {
    public static final long DEFAULT_MAX_BYTES = 64L << 30;
    public static final double DEFAULT_MAX_RATIO = 500;
    public static final long DEFAULT_RATIO_GRACE = 64L << 20;

    public static final DecompressionLimits DEFAULT = new DecompressionLimits(
            Long.getLong("virtscope.maxDecompressedBytes", DEFAULT_MAX_BYTES),
            doubleProperty("virtscope.maxCompressionRatio", DEFAULT_MAX_RATIO), DEFAULT_RATIO_GRACE);

    /** No limit at all (for callers that read their own, trusted files). */
    public static final DecompressionLimits NONE = new DecompressionLimits(Long.MAX_VALUE, Double.POSITIVE_INFINITY, Long.MAX_VALUE);

    private static double doubleProperty(String name, double dflt) {
        String v = System.getProperty(name);
        if (v == null) return dflt;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
