package dev.virtscope.format.qemu;

import dev.virtscope.decode.ByteText;

/**
 * One simpletrace.py text line split in place: {@code NAME SP DELTA [SP pid=N] [SP ARGS]}.
 * DELTA is {@code -?\d+\.\d\d\d} (µs); it can be negative when records of different threads
 * reached the trace buffer out of time order.
 */
final class SimpletraceLine {
    int nameEnd;
    long deltaNs;
    int pid;
    int argsStart, argsEnd;
    boolean dropped;
    long droppedCount;

    private static final String DROPPED = "Dropped_Event";

    /** Splits {@code b[s, e)} into {@code into} (may be null to only test); false if the line is not of this form. */
    static boolean parse(byte[] b, int s, int e, SimpletraceLine into) {
        int i = s;
        while (i < e && (Character.isLetterOrDigit(b[i]) || b[i] == '_')) i++;
        if (i == s || i >= e || b[i] != ' ') return false;
        int nameEnd = i++;
        boolean neg = i < e && b[i] == '-';
        if (neg) i++;
        int ds = i;
        while (i < e && ByteText.isDigit(b[i])) i++;
        if (i == ds || i + 4 > e || b[i] != '.') return false;
        long whole = ByteText.parseDecimal(b, ds, i);
        i++;
        for (int k = 0; k < 3; k++) if (!ByteText.isDigit(b[i + k])) return false;
        long frac = ByteText.parseDecimal(b, i, i + 3);
        i += 3;
        if (i < e && b[i] != ' ') return false;
        int pid = -1;
        if (i + 5 <= e && ByteText.startsWith(b, i + 1, e, "pid=")) {
            int ps = i + 5, pe = ps;
            while (pe < e && ByteText.isDigit(b[pe])) pe++;
            if (pe == ps || (pe < e && b[pe] != ' ')) return false;
            pid = (int) ByteText.parseDecimal(b, ps, pe);
            i = pe;
        }
        int as = i < e ? i + 1 : e;
        int ae = e;
        while (ae > as && b[ae - 1] == ' ') ae--;
        if (into == null) return true;
        into.nameEnd = nameEnd;
        long ns = whole * 1000 + frac;
        into.deltaNs = neg ? -ns : ns;
        into.pid = pid;
        into.argsStart = as;
        into.argsEnd = ae;
        into.dropped = nameEnd - s == DROPPED.length() && ByteText.startsWith(b, s, nameEnd, DROPPED);
        if (into.dropped) {
            int eq = ByteText.indexOf(b, as, ae, (byte) '=');
            into.droppedCount = -1;
            if (eq >= 0 && eq + 3 <= ae && b[eq + 1] == '0' && b[eq + 2] == 'x') into.droppedCount = ByteText.parseHex(b, eq + 3, ae);
            else if (eq >= 0) into.droppedCount = ByteText.parseDecimal(b, eq + 1, ae);
        }
        return true;
    }
}
