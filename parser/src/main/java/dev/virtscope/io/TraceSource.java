package dev.virtscope.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * A trace file on disk. Compressed files (.gz, .xz, .zst, recognised by content) are
 * decompressed transparently; {@link #head()} gives the first decompressed bytes for format
 * detection, and {@link #open()} counts the compressed bytes read so loaders can report progress.
 */
public final class TraceSource {
    public static final int HEAD_SIZE = 64 * 1024;

    private final Path path;
    private final long size;
    private final Compression compression;
    private final DecompressionLimits limits;
    private byte[] head;
    private volatile long bytesRead;
    private volatile EndsEarly lastStream;

    public TraceSource(Path path) throws IOException {
        this(path, DecompressionLimits.DEFAULT);
    }

    /** @param limits how far compressed data may expand before reading stops with a clear error */
    public TraceSource(Path path, DecompressionLimits limits) throws IOException {
        this.limits = limits;
        if (Files.isDirectory(path)) throw new IOException(path + ": is a directory, not a trace file");
        if (!Files.isReadable(path)) throw new IOException(path + ": cannot be read (missing or no permission)");
        this.path = path;
        this.size = Files.size(path);
        byte[] magic = new byte[6];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(magic, 0, magic.length);
        }
        this.compression = Compression.sniff(magic, n);
    }

    public Path path() {
        return path;
    }

    public String name() {
        Path f = path.getFileName();
        return f == null ? path.toString() : f.toString();
    }

    /** Size on disk (compressed size for compressed files). */
    public long size() {
        return size;
    }

    public Compression compression() {
        return compression;
    }

    /** Compressed bytes consumed so far by the last {@link #open()} stream. */
    public long bytesRead() {
        return bytesRead;
    }

    /** The first (up to) {@value #HEAD_SIZE} decompressed bytes. */
    public synchronized byte[] head() throws IOException {
        if (head == null) {
            try (InputStream in = openUncounted()) {
                head = in.readNBytes(HEAD_SIZE);
            } catch (DecompressionLimitException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException(path + ": " + compression + " data is corrupt: " + e.getMessage(), e);
            }
            // a damaged compressed file is read up to the damage, but with nothing before it there is no trace at all
            if (head.length == 0 && lastStream != null && lastStream.problem() != null)
                throw new IOException(path + ": " + compression + " data is corrupt: " + lastStream.problem());
        }
        return head;
    }

    /**
     * Why the last stream from {@link #open()} ended before the end of the compressed data (truncated
     * or damaged file), or null if it did not: the caller keeps what it read and reports this.
     */
    public String endedEarly() {
        EndsEarly s = lastStream;
        return s == null || s.problem() == null ? null : compression + " data ends early (truncated or damaged file): " + s.problem();
    }

    /** A fresh decompressed stream from the start of the file. */
    public InputStream open() throws IOException {
        bytesRead = 0;
        InputStream raw = new FilterInputStream(Files.newInputStream(path)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) bytesRead++;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) bytesRead += n;
                return n;
            }
        };
        return decompress(new BufferedInputStream(raw, 1 << 16), () -> bytesRead);
    }

    private InputStream openUncounted() throws IOException {
        long[] n = new long[1];
        InputStream raw = new FilterInputStream(Files.newInputStream(path)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int k = super.read(b, off, len);
                if (k > 0) n[0] += k;
                return k;
            }
        };
        return decompress(new BufferedInputStream(raw, 1 << 16), () -> n[0]);
    }

    private InputStream decompress(InputStream in, java.util.function.LongSupplier compressedBytes) throws IOException {
        try {
            InputStream d = switch (compression) {
                case GZIP -> new GZIPInputStream(in, 1 << 16);
                case XZ -> new XZCompressorInputStream(in, true);
                case ZSTD -> new ZstdCompressorInputStream(in);
                case NONE -> null;
            };
            if (d == null) {
                lastStream = null;
                return TextEncoding.normalise(in);
            }
            EndsEarly e = new EndsEarly(d);
            lastStream = e;
            return TextEncoding.normalise(new LimitedInflation(e, path, compression, limits, compressedBytes));
        } catch (java.io.EOFException e) {
            // the decompressor's header read ran out of bytes: a bare EOFException says nothing
            in.close();
            throw new IOException(path + ": the " + compression.name().toLowerCase(java.util.Locale.ROOT)
                    + " data ends inside its header (truncated or not really compressed)", e);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }
}
