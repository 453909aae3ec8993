package dev.virtscope.format;

import dev.virtscope.io.Compression;

/**
 * Names the common wrong files by their magic bytes, so "not a trace" can say what the file is and
 * what to do instead: an image, an archive, a perf.data that needs {@code perf script}, a file
 * compressed twice, a preallocated file never written (only NUL bytes).
 */
public final class FileKinds {
    private FileKinds() {
    }

    /** What the head shows the file to be, as a phrase ("a PNG image"), or null when it is nothing recognisable. */
    public static String describe(byte[] h) {
        if (starts(h, 0x89, 'P', 'N', 'G')) return "it is a PNG image, not a trace";
        if (starts(h, 0xFF, 0xD8, 0xFF)) return "it is a JPEG image, not a trace";
        if (starts(h, 'G', 'I', 'F', '8')) return "it is a GIF image, not a trace";
        if (starts(h, '%', 'P', 'D', 'F')) return "it is a PDF document, not a trace";
        if (starts(h, 'P', 'K', 3, 4)) return "it is a ZIP archive: unpack it and open the trace inside";
        if (starts(h, 0x7F, 'E', 'L', 'F')) return "it is an ELF executable or library, not a trace";
        if (starts(h, 'B', 'Z', 'h')) return "it is bzip2-compressed, which VirtScope does not read: decompress it (bunzip2) or recompress with xz, gzip or zstd";
        if (starts(h, 'P', 'E', 'R', 'F', 'I', 'L', 'E', '2')) return "it is a binary perf.data file: convert it with 'perf script > trace.txt' and open that";
        if (h.length > 262 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r')
            return "it is a tar archive: unpack it and open the trace inside";
        if (Compression.sniff(h, h.length) != Compression.NONE) return "after decompression it is still compressed data (compressed twice?): decompress it once by hand";
        boolean nul = h.length > 0;
        for (byte b : h) if (b != 0) {
            nul = false;
            break;
        }
        if (nul) return "it holds only NUL bytes (space reserved for a file that was never written?)";
        return null;
    }

    private static boolean starts(byte[] h, int... magic) {
        if (h.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((h[i] & 0xff) != magic[i]) return false;
        return true;
    }
}
