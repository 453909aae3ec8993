package dev.virtscope.decode.kvm;

import dev.virtscope.decode.ByteText;

/**
 * Numbers out of the raw-field form of a payload, {@code name=value name=value …}: what
 * {@code trace-cmd report -R} prints and what a trace.dat event becomes when its print fmt is not
 * evaluated. Values are decimal, or hex with {@code 0x} (trace-cmd prints pointers and some fields so);
 * {@link #hexField} reads fields that are hex even without the prefix (kvm_msr's {@code ecx}).
 */
final class RawFields {
    static final long ABSENT = -1;

    private RawFields() {
    }

    /** Start of the value of {@code name=} at a token start in b[s,e), or -1. */
    static int valueStart(byte[] b, int s, int e, String name) {
        int n = name.length();
        for (int i = s + n; i < e; i++) {
            if (b[i] != '=') continue;
            int k = i - n;
            if (k > s && !ByteText.isSpace(b[k - 1])) continue;
            boolean same = true;
            for (int j = 0; j < n && same; j++) same = b[k + j] == (byte) name.charAt(j);
            if (same) return i + 1;
        }
        return -1;
    }

    private static int valueEnd(byte[] b, int v, int e) {
        int j = v;
        while (j < e && !ByteText.isSpace(b[j])) j++;
        return j;
    }

    /** {@code name=} as decimal or 0x-hex; ABSENT when missing or malformed. */
    static long field(byte[] b, int s, int e, String name) {
        int v = valueStart(b, s, e, name);
        if (v < 0) return ABSENT;
        int j = valueEnd(b, v, e);
        if (j - v > 2 && b[v] == '0' && (b[v + 1] == 'x' || b[v + 1] == 'X')) return ByteText.parseHex(b, v, j);
        return ByteText.parseDecimal(b, v, j);
    }

    /** {@code name=} read as hex whether or not it has the 0x prefix; ABSENT when missing. */
    static long hexField(byte[] b, int s, int e, String name) {
        int v = valueStart(b, s, e, name);
        return v < 0 ? ABSENT : ByteText.parseHex(b, v, valueEnd(b, v, e));
    }
}
