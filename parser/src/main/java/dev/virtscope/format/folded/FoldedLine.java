package dev.virtscope.format.folded;

import dev.virtscope.decode.ByteText;

/**
 * One folded-stack line {@code frame;frame;… COUNT [COUNT2]}, split like flamegraph.pl: the count
 * is the last whitespace-separated decimal number ({@code 12} or {@code 1.5}); when the text before
 * it also ends in a number, that one is the first count of a differential line.
 */
final class FoldedLine {
    int stackEnd;
    double count, count2;
    boolean two;

    boolean parse(byte[] b, int s, int e) {
        while (e > s && ByteText.isSpace(b[e - 1])) e--;
        int c = numberBefore(b, s, e);
        if (c < 0) return false;
        double last = value(b, c, e);
        int rest = c;
        while (rest > s && ByteText.isSpace(b[rest - 1])) rest--;
        if (rest == c || rest == s) return false;
        int c1 = numberBefore(b, s, rest);
        if (c1 >= 0 && c1 > s && ByteText.isSpace(b[c1 - 1])) {
            two = true;
            count = value(b, c1, rest);
            count2 = last;
            int r = c1;
            while (r > s && ByteText.isSpace(b[r - 1])) r--;
            if (r == s) return false;
            stackEnd = r;
        } else {
            two = false;
            count = last;
            count2 = 0;
            stackEnd = rest;
        }
        return true;
    }

    /** Start of a {@code \d+(\.\d*)?} token ending at e, or -1. */
    private static int numberBefore(byte[] b, int s, int e) {
        int i = e;
        while (i > s && ByteText.isDigit(b[i - 1])) i--;
        if (i > s && b[i - 1] == '.') {
            int j = i - 1;
            while (j > s && ByteText.isDigit(b[j - 1])) j--;
            if (j == i - 1) return i < e ? checkStart(b, s, i) : -1;
            i = j;
        }
        if (i == e) return -1;
        return checkStart(b, s, i);
    }

    private static int checkStart(byte[] b, int s, int i) {
        return i > s && ByteText.isSpace(b[i - 1]) ? i : -1;
    }

    private static double value(byte[] b, int s, int e) {
        int dot = ByteText.indexOf(b, s, e, (byte) '.');
        if (dot < 0) {
            long v = ByteText.parseDecimal(b, s, e);
            return v >= 0 ? v : Double.parseDouble(new String(b, s, e - s, java.nio.charset.StandardCharsets.US_ASCII));
        }
        return Double.parseDouble(new String(b, s, e - s, java.nio.charset.StandardCharsets.US_ASCII) + (dot == e - 1 ? "0" : ""));
    }
}
