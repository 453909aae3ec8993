package dev.virtscope.decode.kvm;

import dev.virtscope.decode.ByteText;

/** A cursor over space-separated tokens of a payload, with no allocation; numbers ignore a trailing comma. */
final class Tokens {
    byte[] b;
    int pos, end;
    /** The current token: b[start, stop). */
    int start, stop;

    Tokens reset(byte[] bytes, int s, int e) {
        b = bytes;
        pos = s;
        end = e;
        start = stop = s;
        return this;
    }

    boolean next() {
        int i = ByteText.skipSpaces(b, pos, end);
        if (i >= end) {
            start = stop = end;
            pos = end;
            return false;
        }
        int j = i;
        while (j < end && !ByteText.isSpace(b[j])) j++;
        start = i;
        stop = j;
        pos = j;
        return true;
    }

    boolean is(String word) {
        int n = word.length();
        if (stop - start != n) return false;
        for (int k = 0; k < n; k++) if (b[start + k] != (byte) word.charAt(k)) return false;
        return true;
    }

    private int trimmedStop() {
        int e = stop;
        while (e > start && (b[e - 1] == ',' || b[e - 1] == ':')) e--;
        return e;
    }

    /** Next token as a hex number (with or without 0x); -1 when absent or malformed. */
    long nextHex() {
        return next() ? ByteText.parseHex(b, start, trimmedStop()) : -1;
    }

    long nextDecimal() {
        if (!next()) return -1;
        int s = start;
        boolean neg = s < stop && b[s] == '-';
        long v = ByteText.parseDecimal(b, neg ? s + 1 : s, trimmedStop());
        return neg && v >= 0 ? -v : v;
    }

    String text() {
        return new String(b, start, stop - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
