package dev.virtscope.decode.qemu;

import dev.virtscope.decode.ByteText;
import dev.virtscope.store.Payload;

/**
 * Reads one numeric argument from a QEMU event's payload bytes without decoding the rest, for
 * analyses that scan many events: {@code key=0x1f} (simpletrace forms) and {@code key 31} /
 * {@code key 0x1f} (log and ftrace backends, whose formats print "name value").
 */
public final class QemuArgs {
    public static final long MISSING = Long.MIN_VALUE;

    private QemuArgs() {
    }

    public static long number(Payload p, String key) {
        return number(p.bytes, p.start, p.end, key);
    }

    public static long number(byte[] b, int s, int e, String key) {
        int from = s;
        while (true) {
            int k = ByteText.indexOf(b, from, e, key);
            if (k < 0) return MISSING;
            int after = k + key.length();
            boolean startOk = k == s || b[k - 1] == ' ' || b[k - 1] == ',';
            if (startOk && after < e && (b[after] == '=' || b[after] == ' ')) return value(b, after + 1, e);
            from = k + 1;
        }
    }

    private static long value(byte[] b, int i, int e) {
        boolean neg = i < e && b[i] == '-';
        if (neg) i++;
        int vs = i;
        if (i + 1 < e && b[i] == '0' && b[i + 1] == 'x') {
            i += 2;
            vs = i;
            while (i < e && ByteText.hexDigit(b[i]) >= 0) i++;
            if (i == vs || i - vs > 16) return MISSING;
            long v = 0;
            for (int k = vs; k < i; k++) v = (v << 4) | ByteText.hexDigit(b[k]);
            return neg ? -v : v;
        }
        while (i < e && ByteText.isDigit(b[i])) i++;
        if (i == vs) return MISSING;
        long v = ByteText.parseDecimal(b, vs, i);
        return v < 0 ? MISSING : neg ? -v : v;
    }
}
