package dev.virtscope.format.tracedat;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.github.luben.zstd.Zstd;

/** The v7 compression algorithms: "none", "zlib" (java.util.zip) and "zstd" (zstd-jni). */
final class Codec {
    private final String name;

    Codec(String name) throws IOException {
        if (!name.equals("none") && !name.equals("zlib") && !name.equals("zstd") && !name.isEmpty())
            throw new IOException("trace.dat compressed with \"" + name + "\", which is not supported (zlib, zstd or none)");
        this.name = name.isEmpty() ? "none" : name;
    }

    String name() {
        return name;
    }

    /** Largest expansion believed from a block header before allocating for it (real blocks: under 20:1). */
    static final long MAX_RATIO = 500, RATIO_GRACE = 64L << 20;

    /** Refuses a block header claiming an uncompressed size no real block has, before anything is allocated for it. */
    static void checkClaim(long csize, long usize, String what) throws IOException {
        if (usize > Integer.MAX_VALUE - 16 || (usize > RATIO_GRACE && usize > csize * MAX_RATIO))
            throw new IOException(what + " claims " + usize + " bytes from " + csize + " compressed: damaged header");
    }

        /** Decompresses src[off, off+len) into dst[dOff, dOff+uLen); fails unless exactly uLen bytes come out. */
    void decompress(byte[] src, int off, int len, byte[] dst, int dOff, int uLen) throws IOException {
        switch (name) {
            case "zstd" -> {
                long n;
                try {
                    n = Zstd.decompressByteArray(dst, dOff, uLen, src, off, len);
                } catch (com.github.luben.zstd.ZstdException e) { // zstd-jni reports corrupt input unchecked
                    throw new IOException("zstd: " + e.getMessage(), e);
                }
                if (Zstd.isError(n)) throw new IOException("zstd: " + Zstd.getErrorName(n));
                if (n != uLen) throw new IOException("zstd block gave " + n + " bytes, header says " + uLen);
            }
            case "zlib" -> {
                Inflater inf = new Inflater();
                try {
                    inf.setInput(src, off, len);
                    int got = 0;
                    while (got < uLen) {
                        int n = inf.inflate(dst, dOff + got, uLen - got);
                        if (n == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) break;
                        got += n;
                    }
                    if (got != uLen) throw new IOException("zlib block gave " + got + " bytes, header says " + uLen);
                } catch (DataFormatException e) {
                    throw new IOException("zlib: " + e.getMessage(), e);
                } finally {
                    inf.end();
                }
            }
            default -> {
                if (len != uLen) throw new IOException("uncompressed block of " + len + " bytes, header says " + uLen);
                System.arraycopy(src, off, dst, dOff, len);
            }
        }
    }
}
