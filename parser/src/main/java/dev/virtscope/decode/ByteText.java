package dev.virtscope.decode;

/**
 * Number and token parsing straight from bytes: the hot paths of every text importer use these
 * instead of String/regex.
 */
public final class ByteText {
    private ByteText() {
    }

    public static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    public static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    public static int skipSpaces(byte[] b, int i, int end) {
        while (i < end && isSpace(b[i])) i++;
        return i;
    }

    /** Decimal digits b[s,e) → value; -1 if empty or not all digits or overflowing. */
    public static long parseDecimal(byte[] b, int s, int e) {
        if (s >= e || e - s > 18) return -1;
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /** Hex digits (optional 0x) → value; -1 if malformed or longer than 16 digits. */
    public static long parseHex(byte[] b, int s, int e) {
        if (e - s > 2 && b[s] == '0' && (b[s + 1] == 'x' || b[s + 1] == 'X')) s += 2;
        if (s >= e || e - s > 16) return -1;
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = hexDigit(b[i]);
            if (d < 0) return -1;
            v = (v << 4) | d;
        }
        return v;
    }

    public static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /**
     * A trace timestamp → ns. {@code SSSS.uuuuuu} (6 decimals, µs) and {@code SSSS.nnnnnnnnn}
     * (9 decimals) are seconds; any other count of decimals is scaled; an integer (counter,
     * x86-tsc clocks) is returned as is. Long.MIN_VALUE if malformed.
     */
    public static long parseTimestampNs(byte[] b, int s, int e) {
        int dot = -1;
        for (int i = s; i < e; i++) {
            if (b[i] == '.') {
                if (dot >= 0) return Long.MIN_VALUE;
                dot = i;
            } else if (!isDigit(b[i])) return Long.MIN_VALUE;
        }
        if (dot < 0) {
            long v = parseDecimal(b, s, e);
            return v < 0 ? Long.MIN_VALUE : v;
        }
        long sec = parseDecimal(b, s, dot);
        int decimals = e - dot - 1;
        if (sec < 0 || decimals <= 0 || decimals > 9) return Long.MIN_VALUE;
        long frac = parseDecimal(b, dot + 1, e);
        for (int k = decimals; k < 9; k++) frac *= 10;
        return sec * 1_000_000_000L + frac;
    }

    public static boolean startsWith(byte[] b, int s, int e, String prefix) {
        int n = prefix.length();
        if (e - s < n) return false;
        for (int i = 0; i < n; i++) if (b[s + i] != (byte) prefix.charAt(i)) return false;
        return true;
    }

    /** The bytes of an ASCII token, for the byte[] forms of {@link #startsWith} and {@link #indexOf} on hot paths. */
    public static byte[] ascii(String token) {
        return token.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    public static boolean startsWith(byte[] b, int s, int e, byte[] prefix) {
        int n = prefix.length;
        if (e - s < n) return false;
        for (int i = 0; i < n; i++) if (b[s + i] != prefix[i]) return false;
        return true;
    }

    /** Position of the first occurrence of token in b[s,e), or -1. */
    public static int indexOf(byte[] b, int s, int e, byte[] token) {
        int n = token.length;
        byte first = token[0];
        int lastStart = e - n;
        outer:
        for (int i = s; i <= lastStart; i++) {
            i = ByteWords.indexOf(b, i, lastStart + 1, first);
            if (i < 0) return -1;
            for (int k = 1; k < n; k++) if (b[i + k] != token[k]) continue outer;
            return i;
        }
        return -1;
    }

    /** Position of the first occurrence of token in b[s,e), or -1. */
    public static int indexOf(byte[] b, int s, int e, String token) {
        int n = token.length();
        byte first = (byte) token.charAt(0);
        int lastStart = e - n;
        outer:
        for (int i = s; i <= lastStart; i++) {
            i = ByteWords.indexOf(b, i, lastStart + 1, first); // candidates: the first byte, 8 bytes at a time
            if (i < 0) return -1;
            for (int k = 1; k < n; k++) if (b[i + k] != (byte) token.charAt(k)) continue outer;
            return i;
        }
        return -1;
    }

    public static int indexOf(byte[] b, int s, int e, byte c) {
        for (int i = s; i < e; i++) if (b[i] == c) return i;
        return -1;
    }
}
