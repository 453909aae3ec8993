package dev.virtscope.format.perf;

import dev.virtscope.decode.ByteText;

/**
 * One callchain line {@code ADDR SYMBOL[+0xOFF] (DSO)} parsed into reusable fields. The DSO is the
 * last balanced parenthesised group, so {@code (/usr/lib/x.so (deleted))} and symbols with their
 * own parentheses ({@code f(int) (/lib/x.so)}) both work; {@code (inlined)} marks inline frames.
 */
final class PerfFrameLine {
    long addr;
    int symStart, symEnd, dsoStart, dsoEnd;

    /** Parses b[s,e); false when the line has no {@code ADDR SPACE} start (a srcline line). */
    boolean parse(byte[] b, int s, int e) {
        int p = ByteText.skipSpaces(b, s, e);
        int h = p;
        while (h < e && ByteText.hexDigit(b[h]) >= 0) h++;
        if (h == p || h >= e || !ByteText.isSpace(b[h])) return false;
        addr = h - p <= 16 ? ByteText.parseHex(b, p, h) : -1;
        int q = ByteText.skipSpaces(b, h, e);
        int end = e;
        while (end > q && ByteText.isSpace(b[end - 1])) end--;
        if (q >= end) return false;
        dsoStart = dsoEnd = -1;
        int symE = end;
        if (b[end - 1] == ')') {
            int depth = 0;
            for (int k = end - 1; k > q; k--) {
                if (b[k] == ')') depth++;
                else if (b[k] == '(' && --depth == 0) {
                    if (ByteText.isSpace(b[k - 1])) {
                        dsoStart = k + 1;
                        dsoEnd = end - 1;
                        symE = k - 1;
                        while (symE > q && ByteText.isSpace(b[symE - 1])) symE--;
                    }
                    break;
                }
            }
        }
        symStart = q;
        symEnd = FrameTidy.stripOffset(b, q, symE);
        if (symEnd == symStart) symEnd = symE;
        return true;
    }
}
