package dev.virtscope.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A decompressing stream that stops with a {@link DecompressionLimitException} once its output
 * passes the absolute cap, or (past the grace size) once output / compressed input passes the ratio
 * cap. Checked on every read, so a bomb is stopped within one buffer of the limit, before it fills
 * memory or disk.
 */
final class LimitedInflation extends FilterInputStream {
    private final Path path;
    private final Compression compression;
    private final DecompressionLimits limits;
    private final LongSupplier compressedBytes;
    private long out;

    LimitedInflation(InputStream decompressed, Path path, Compression compression, DecompressionLimits limits, LongSupplier compressedBytes) {
        super(decompressed);
        this.path = path;
        this.compression = compression;
        this.limits = limits;
        this.compressedBytes = compressedBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = super.skip(n);
        if (k > 0) count(k);
        return k;
    }

    private void count(long n) throws IOException {
        out += n;
        if (out > limits.maxBytes()) {
            throw new DecompressionLimitException(String.format(Locale.ROOT,
                    "%s: %s data expands past the limit of %s decompressed; not read further (raise it with -Dvirtscope.maxDecompressedBytes=BYTES)",
                    path, compression, mib(limits.maxBytes())));
        }
        if (out > limits.ratioGraceBytes()) {
            long in = Math.max(1, compressedBytes.getAsLong());
            double ratio = (double) out / in;
            if (ratio > limits.maxRatio()) {
                throw new DecompressionLimitException(String.format(Locale.ROOT,
                        "%s: %s data expands %.0f:1 (%s from %s), past the limit of %.0f:1: a decompression bomb, not a trace"
                                + " (raise it with -Dvirtscope.maxCompressionRatio=N)",
                        path, compression, ratio, mib(out), in < 1 << 20 ? in + " bytes" : mib(in), limits.maxRatio()));
            }
        }
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
