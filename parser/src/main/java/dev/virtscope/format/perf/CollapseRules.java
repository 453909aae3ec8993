package dev.virtscope.format.perf;

/**
 * The line grammar stackcollapse-perf.pl applies, re-implemented on bytes (no regex, no String)
 * so that {@code virtscope fold} reproduces its output byte for byte, quirks included:
 * <ul>
 * <li>sample header: a comm of at least two characters starting with a non-space, then the first
 *     {@code SPACES DIGITS[/DIGITS] SPACE} after it (a one-character comm never matches);</li>
 * <li>event and period: only when the line ENDS in {@code name:} — tracepoint lines carry a payload,
 *     so they get period 1 and escape the event filter;</li>
 * <li>frame: {@code ADDR SYMBOL (DSO)} where the DSO is between the last {@code " ("} that has a
 *     {@code ')'} after it and the last {@code ')'}.</li>
 * </ul>
 * Whitespace is Perl's {@code \s} on bytes: space, \t, \n, \r, \f, \v.
 */
final class CollapseRules {
    private CollapseRules() {
    }

    /**
     * Byte classes as a table: one load instead of a chain of compares, small enough for the quick
     * JIT (which {@code fold} runs under) to inline where a compare chain was left as a call.
     */
    private static final byte WS = 1, WORD = 2;
    private static final byte[] CLASS = new byte[256];

    static {
        for (char c : new char[] {' ', '\t', '\r', '\n', 0x0B, '\f'}) CLASS[c] = WS;
        for (int c = '0'; c <= '9'; c++) CLASS[c] = WORD;
        for (int c = 'a'; c <= 'z'; c++) CLASS[c] = WORD;
        for (int c = 'A'; c <= 'Z'; c++) CLASS[c] = WORD;
        CLASS['_'] = WORD;
    }

    static boolean ws(byte c) {
        return CLASS[c & 0xff] == WS;
    }

    static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    static boolean word(byte c) {
        return CLASS[c & 0xff] == WORD;
    }

    /**
     * Sample header {@code ^(\S.+?)\s+(\d+)\/*(\d+)*\s+}. On a match returns the comm end and fills
     * out[0..3] = pid digits start/end, tid digits start/end (tid start = end when absent); else -1.
     */
    static int header(byte[] b, int s, int e, int[] out) {
        if (e - s < 2 || ws(b[s])) return -1;
        for (int c = s + 2; c < e; c++) {
            if (b[c] == '\n') return -1;
            if (!ws(b[c])) continue;
            int i = c;
            while (i < e && ws(b[i])) i++;
            int d0 = i;
            while (i < e && digit(b[i])) i++;
            if (i == d0) continue;
            int d1 = i;
            while (i < e && b[i] == '/') i++;
            int t0 = i;
            while (i < e && digit(b[i])) i++;
            if (i < e && ws(b[i])) {
                out[0] = d0;
                out[1] = d1;
                out[2] = t0;
                out[3] = i;
                return c;
            }
        }
        return -1;
    }

    /**
     * Event at the end of a header line, {@code :\s*(\d+)*\s+(\S+):\s*$}. Returns true and fills
     * out[0..3] = event start/end, period digits start/end (equal when absent).
     */
    static boolean event(byte[] b, int s, int e, int[] out) {
        int q = e - 1;
        while (q >= s && ws(b[q])) q--;
        if (q < s || b[q] != ':') return false;
        int t = q - 1;
        while (t >= s && !ws(b[t])) t--;
        int evStart = t + 1;
        if (evStart >= q || t < s) return false;
        int i = t;
        while (i >= s && ws(b[i])) i--;
        int pEnd = i + 1;
        while (i >= s && digit(b[i])) i--;
        int pStart = i + 1;
        if (pStart < pEnd) {
            while (i >= s && ws(b[i])) i--;
        }
        if (i < s || b[i] != ':') return false;
        out[0] = evStart;
        out[1] = q;
        out[2] = pStart;
        out[3] = pEnd;
        return true;
    }

    /**
     * Frame {@code ^\s*(\w+)\s*(.+) \((.*)\)}: returns true and fills out[0..3] = symbol start/end,
     * DSO start/end.
     */
    static boolean frame(byte[] b, int s, int e, int[] out) {
        int i0 = s;
        while (i0 < e && ws(b[i0])) i0++;
        if (i0 >= e || !word(b[i0])) return false;
        int w = i0;
        while (w < e && word(b[w])) w++;
        int s2max = w;
        while (s2max < e && ws(b[s2max])) s2max++;
        int close = e - 1;
        while (close >= s && b[close] != ')') close--;
        if (close < s) return false;
        int k = close - 2;
        while (k >= i0 + 2 && !(b[k] == ' ' && b[k + 1] == '(')) k--;
        if (k < i0 + 2) return false;
        // '.' in Perl stops at '\n': a match cannot span one (never the case in a chomped line)
        out[0] = Math.min(s2max, k - 1);
        out[1] = k;
        out[2] = k + 2;
        out[3] = close;
        return true;
    }
}
