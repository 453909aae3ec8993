package dev.virtscope.format.ftrace;

import dev.virtscope.decode.ByteText;

/**
 * Splits one ftrace-style event line (kernel {@code trace}/{@code trace_pipe} or {@code trace-cmd
 * report}) into its columns, straight from bytes. One instance is reused for every line: after a
 * successful {@link #parse} the public fields describe the line; nothing is allocated.
 *
 * <p>Accepted shapes (FORMATS.md §1a/§1b), anchored on the pid: the pid is the first
 * {@code -digits} that is followed by a valid rest of header, so a comm may hold spaces, dashes,
 * slashes and colons:
 * <pre>
 *   [prefix: ]%16s-%-7d [(%7d) ][%03d] [flags ]TIME: name: payload      normal (pid width 5 or 7)
 *   [prefix: ]%8.8s-%-7d %3dFLAGS TIME[us][mark]: name: payload        latency format, trace-cmd -l
 *   %16s %7d %3d %d %08x %08lx [%08llx] A.Bms (+C.Dms): name: payload  latency format + verbose
 * </pre>
 * The comm is read from its fixed-width field just before the pid dash, so a prefix
 * ({@code kvmsample: }, {@code tc-extract-default.dat: }) never leaks into it.
 */
final class FtraceLine {
    /** How the time column was written. */
    enum TimeKind { SECONDS, INTEGER, LATENCY_US, VERBOSE_US, VERBOSE_RAW }

    private static final int NORMAL_COMM_WIDTH = 16;
    private static final int LATENCY_COMM_WIDTH = 8;
    /** A pid dash further right than this is inside a payload, not a header. */
    private static final int MAX_HEADER_SCAN = 256;
    /** The store keeps CPU numbers as shorts; a larger one is a damaged line, refused rather than wrapped. */
    static final int MAX_CPU = Short.MAX_VALUE;

    int commStart, commEnd;
    /** True when the comm was cut to 8 characters by the latency format. */
    boolean commTruncated;
    boolean commUnknown;
    int pid;
    /** -1 when the line has no tgid column or it says {@code (-------)}. */
    int tgid;
    int cpu;
    long ts;
    TimeKind timeKind;
    /** Tracepoint name, or nameStart == -1 for a tracer message without {@code name:}. */
    int nameStart, nameEnd;
    int payloadStart, payloadEnd;
    /** Why the last failed parse failed. */
    String reason;
    /** Scratch for the verbose latency format's numeric columns. */
    private final int[] tokenStarts = new int[5], tokenEnds = new int[5];

    /**
     * @param padded true for trace-cmd report, whose event names are padded with spaces: all spaces
     *               after {@code name:} are dropped; the kernel prints exactly one, which is dropped
     */
    boolean parse(byte[] b, int s, int e, boolean padded) {
        reason = "no 'comm-pid' followed by a CPU and a timestamp";
        int limit = Math.min(e, s + MAX_HEADER_SCAN);
        for (int d = s + 1; d < limit; d++) {
            if (b[d] == '-' && d + 1 < e && ByteText.isDigit(b[d + 1]) && header(b, s, d, e, padded)) return true;
        }
        return verbose(b, s, e, padded);
    }

    private boolean header(byte[] b, int s, int dash, int e, boolean padded) {
        int j = dash + 1;
        long p = 0;
        while (j < e && ByteText.isDigit(b[j]) && p <= Integer.MAX_VALUE) p = p * 10 + (b[j++] - '0');
        if (j >= e || b[j] != ' ' || p > Integer.MAX_VALUE) return false;
        j = ByteText.skipSpaces(b, j, e);
        if (j >= e) return false;
        tgid = -1;
        if (b[j] == '(') {
            int close = ByteText.indexOf(b, j + 1, Math.min(e, j + 24), (byte) ')');
            if (close < 0) return false;
            int g = ByteText.skipSpaces(b, j + 1, close);
            if (g < close && b[g] != '-') {
                long v = ByteText.parseDecimal(b, g, close);
                if (v < 0) return false;
                tgid = (int) v;
            }
            j = ByteText.skipSpaces(b, close + 1, e);
            if (j >= e) return false;
        }
        int width;
        if (b[j] == '[') {
            int c = 0, k = j + 1;
            while (k < e && ByteText.isDigit(b[k])) c = c * 10 + (b[k++] - '0');
            if (k == j + 1 || k >= e || b[k] != ']' || k - j > 8 || c > MAX_CPU) return false;
            cpu = c;
            j = ByteText.skipSpaces(b, k + 1, e);
            int t = j;
            while (t < e && b[t] != ' ' && b[t] != ':') t++;
            if (t >= e) return false;
            if (b[t] == ' ') {
                if (t - j < 2 || t - j > 8) return false; // the irq-info flags column
                j = ByteText.skipSpaces(b, t, e);
                t = j;
                while (t < e && b[t] != ':' && b[t] != ' ') t++;
                if (t >= e || b[t] != ':') return false;
            }
            if (!time(b, j, t)) return false;
            j = t + 1;
            width = NORMAL_COMM_WIDTH;
        } else if (ByteText.isDigit(b[j])) {
            // latency format: CPU number glued to the flags, time in µs since the trace start
            int c = 0, k = j;
            while (k < e && ByteText.isDigit(b[k]) && c <= MAX_CPU) c = c * 10 + (b[k++] - '0');
            int f = k;
            while (k < e && b[k] != ' ') k++;
            if (k - f < 2 || k - f > 8 || k - j > 12 || c > MAX_CPU || c < 0) return false;
            cpu = c;
            j = ByteText.skipSpaces(b, k, e);
            int t = j;
            while (t < e && ByteText.isDigit(b[t])) t++;
            int digitsEnd = t;
            if (t < e && b[t] == '.') {
                t++;
                while (t < e && ByteText.isDigit(b[t])) t++;
                if (!time(b, j, t)) return false;
            } else if (t + 1 < e && b[t] == 'u' && b[t + 1] == 's') {
                long us = ByteText.parseDecimal(b, j, digitsEnd);
                if (us < 0) return false;
                ts = us * 1000;
                timeKind = TimeKind.LATENCY_US;
                t += 2;
                if (t < e && b[t] != ':') t++; // the mark: ' ', '+', '!', '#', '*', '@', '$'
            } else if (!time(b, j, t)) return false;
            if (t >= e || b[t] != ':') return false;
            j = t + 1;
            width = LATENCY_COMM_WIDTH;
        } else {
            return false;
        }
        if (j < e && b[j] != ' ') return false;
        pid = (int) p;
        comm(b, s, dash, width);
        message(b, j, e, padded);
        return true;
    }

    /**
     * Timestamp token b[s,e): seconds with decimals, or an integer count, as
     * {@link ByteText#parseTimestampNs} reads it, in one pass that also tells which of the two it is.
     */
    private boolean time(byte[] b, int s, int e) {
        long sec = 0;
        int i = s;
        while (i < e) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            sec = sec * 10 + d;
            i++;
        }
        int digits = i - s;
        if (digits == 0 || digits > 18) return false;
        if (i == e) {
            ts = sec;
            timeKind = TimeKind.INTEGER;
            return true;
        }
        if (b[i] != '.') return false;
        int decimals = e - i - 1;
        if (decimals <= 0 || decimals > 9) return false;
        long frac = 0;
        for (i++; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return false;
            frac = frac * 10 + d;
        }
        ts = sec * 1_000_000_000L + frac * NS_SCALE[decimals];
        timeKind = TimeKind.SECONDS;
        return true;
    }

    /** ns per unit of the last decimal, by count of decimals. */
    private static final long[] NS_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    /** The comm is right-aligned in a fixed-width field ending at the pid dash. */
    private void comm(byte[] b, int lineStart, int dash, int width) {
        int c = Math.max(lineStart, dash - width);
        while (c > lineStart && !ByteText.isSpace(b[c - 1])) c--; // a comm longer than its field
        c = ByteText.skipSpaces(b, c, dash);
        commStart = c;
        commEnd = dash;
        commTruncated = width == LATENCY_COMM_WIDTH && dash - c == LATENCY_COMM_WIDTH;
        commUnknown = dash - c == 5 && b[c] == '<' && b[c + 1] == '.' && b[c + 2] == '.' && b[c + 3] == '.' && b[c + 4] == '>';
    }

    /** After the time's colon: optional trace-cmd {@code (+delta)}, then {@code name: payload} or a tracer message. */
    private void message(byte[] b, int j, int e, boolean padded) {
        j = ByteText.skipSpaces(b, j, e);
        if (j + 2 < e && b[j] == '(' && b[j + 1] == '+') {
            int k = j + 2;
            while (k < e && ByteText.isDigit(b[k])) k++;
            if (k < e && b[k] == ')') j = ByteText.skipSpaces(b, k + 1, e);
        }
        int k = j;
        while (k < e && isNameChar(b[k])) k++;
        if (k > j && k < e && b[k] == ':' && (k + 1 == e || b[k + 1] == ' ')) {
            nameStart = j;
            nameEnd = k;
            int p = k + 1;
            if (p < e) p++;
            if (padded) p = ByteText.skipSpaces(b, p, e);
            payloadStart = p;
        } else {
            nameStart = nameEnd = -1;
            payloadStart = j;
        }
        payloadEnd = e;
    }

    static boolean isNameChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    }

    /**
     * Latency format with the verbose option: {@code "%16s %7d %3d %d %08x %08lx "} then
     * {@code [%08llx] %ld.%03ldms (+%ld.%03ldms): } (ns clocks: the bracket is the absolute time in µs,
     * hex) or {@code [%016llx] %lld (+%lld): } (other clocks: the raw count, hex).
     */
    private boolean verbose(byte[] b, int s, int e, boolean padded) {
        int open = ByteText.indexOf(b, s, Math.min(e, s + MAX_HEADER_SCAN), (byte) '[');
        if (open < 0) return false;
        int close = ByteText.indexOf(b, open + 1, Math.min(e, open + 20), (byte) ']');
        if (close < 0) return false;
        long raw = ByteText.parseHex(b, open + 1, close);
        if (raw < 0) return false;
        int colon = ByteText.indexOf(b, close, Math.min(e, close + 64), "): ");
        if (colon < 0) {
            if (ByteText.indexOf(b, close, Math.min(e, close + 64), "):") != e - 2) return false;
            colon = e - 2;
        }
        boolean ms = ByteText.indexOf(b, close, colon, "ms (+") >= 0;
        // five numeric columns back from the bracket: idx, preempt, flags, cpu, pid
        int j = open;
        int[] starts = tokenStarts;
        for (int t = 0; t < 5; t++) {
            if (j <= s || b[j - 1] != ' ') return false;
            j--;
            while (j > s && b[j - 1] == ' ') j--;
            int end = j;
            while (j > s && ByteText.hexDigit(b[j - 1]) >= 0) j--;
            if (j == end) return false;
            starts[t] = j;
            tokenEnds[t] = end;
        }
        long p = ByteText.parseDecimal(b, starts[4], tokenEnds[4]);
        long c = ByteText.parseDecimal(b, starts[3], tokenEnds[3]);
        if (p < 0 || c < 0 || p > Integer.MAX_VALUE || c > MAX_CPU) return false;
        int ce = j;
        while (ce > s && ByteText.isSpace(b[ce - 1])) ce--;
        int cs = ByteText.skipSpaces(b, s, ce);
        if (cs >= ce) return false;
        pid = (int) p;
        cpu = (int) c;
        tgid = -1;
        commStart = cs;
        commEnd = ce;
        commTruncated = false;
        commUnknown = ce - cs == 5 && b[cs] == '<' && b[cs + 1] == '.';
        if (ms) {
            ts = raw * 1000;
            timeKind = TimeKind.VERBOSE_US;
        } else {
            ts = raw;
            timeKind = TimeKind.VERBOSE_RAW;
        }
        message(b, colon + 2, e, padded);
        return true;
    }
}
