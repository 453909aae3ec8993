package dev.virtscope.io;

/** Compression recognised by magic bytes, so a renamed file still opens. */
public enum Compression {
    NONE, GZIP, XZ, ZSTD;

    public static Compression sniff(byte[] b, int n) {
        if (n >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) return GZIP;
        if (n >= 6 && (b[0] & 0xff) == 0xfd && b[1] == '7' && b[2] == 'z' && b[3] == 'X' && b[4] == 'Z' && b[5] == 0) return XZ;
        if (n >= 4 && (b[0] & 0xff) == 0x28 && (b[1] & 0xff) == 0xb5 && (b[2] & 0xff) == 0x2f && (b[3] & 0xff) == 0xfd) return ZSTD;
        return NONE;
    }
}
