package dev.virtscope.decode.qemu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.virtscope.decode.EventFields;

/**
 * Reads back text that a C printf format produced: the trace-events format of a QEMU event
 * against what the log or ftrace backend printed. Literals must match exactly; numeric
 * conversions read their digits; {@code %s} and other free conversions run to the next literal.
 * Compiled once per event definition; matching works on bytes.
 */
public final class PrintfPattern {
    /** A literal (conv == 0) or a conversion letter with its '#' flag. */
    private record Part(byte[] literal, char conv, boolean alt) {
    }

    private final List<Part> parts = new ArrayList<>();

    public PrintfPattern(String fmt) {
        StringBuilder lit = new StringBuilder();
        int i = 0, n = fmt.length();
        while (i < n) {
            char c = fmt.charAt(i++);
            if (c != '%') {
                lit.append(c);
                continue;
            }
            if (i < n && fmt.charAt(i) == '%') {
                lit.append('%');
                i++;
                continue;
            }
            boolean alt = false;
            while (i < n && "#-+ 0'".indexOf(fmt.charAt(i)) >= 0) alt |= fmt.charAt(i++) == '#';
            while (i < n && (Character.isDigit(fmt.charAt(i)) || fmt.charAt(i) == '.' || fmt.charAt(i) == '*')) i++;
            while (i < n && "hlLqjzt".indexOf(fmt.charAt(i)) >= 0) i++;
            if (i >= n) break;
            if (lit.length() > 0) parts.add(new Part(lit.toString().getBytes(StandardCharsets.UTF_8), (char) 0, false));
            lit.setLength(0);
            parts.add(new Part(null, fmt.charAt(i++), alt));
        }
        if (lit.length() > 0) parts.add(new Part(lit.toString().getBytes(StandardCharsets.UTF_8), (char) 0, false));
    }

    /**
     * Matches {@code b[s, e)} and adds one field per conversion, named by {@code names} (arg0… when
     * there are more conversions than names). Returns false, adding nothing, if the text does not fit.
     */
    public boolean match(byte[] b, int s, int e, List<String> names, EventFields out) {
        int count = 0;
        for (Part p : parts) if (p.literal == null) count++;
        int[] from = new int[count], to = new int[count];
        int pos = s, k = 0;
        for (int pi = 0; pi < parts.size(); pi++) {
            Part p = parts.get(pi);
            if (p.literal != null) {
                if (!at(b, pos, e, p.literal)) return false;
                pos += p.literal.length;
                continue;
            }
            int start = pos;
            switch (p.conv) {
                case 'd', 'i' -> {
                    start = pos = skipPad(b, pos, e);
                    if (pos < e && (b[pos] == '-' || b[pos] == '+')) pos++;
                    pos = digits(b, pos, e, 10);
                }
                case 'u' -> {
                    start = pos = skipPad(b, pos, e);
                    pos = digits(b, pos, e, 10);
                }
                case 'x', 'X', 'p' -> {
                    start = pos = skipPad(b, pos, e);
                    if (p.conv == 'p' && at(b, pos, e, NIL)) pos += NIL.length;
                    else {
                        if ((p.alt || p.conv == 'p') && at(b, pos, e, HEX_PREFIX)) pos += 2;
                        pos = digits(b, pos, e, 16);
                    }
                }
                case 'o' -> {
                    start = pos = skipPad(b, pos, e);
                    pos = digits(b, pos, e, 8);
                }
                case 'c' -> pos = Math.min(e, pos + 1);
                default -> pos = freeEnd(b, pos, e, pi);
            }
            if (pos == start && p.conv != 's') return false;
            from[k] = start;
            to[k] = pos;
            k++;
        }
        if (pos != e) return false;
        k = 0;
        for (Part p : parts) {
            if (p.literal != null) continue;
            String name = k < names.size() ? names.get(k) : "arg" + k;
            String text = new String(b, from[k], to[k] - from[k], StandardCharsets.UTF_8);
            long num = number(p.conv, text);
            if (num == EventFields.NO_NUMBER) out.add(name, text);
            else out.add(name, text, num);
            k++;
        }
        return true;
    }

    private static final byte[] NIL = "(nil)".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_PREFIX = "0x".getBytes(StandardCharsets.US_ASCII);

    /** Where a free conversion ends: at the next literal (first occurrence), or at a space if another conversion follows. */
    private int freeEnd(byte[] b, int pos, int e, int pi) {
        if (pi + 1 >= parts.size()) return e;
        Part next = parts.get(pi + 1);
        if (next.literal == null) {
            while (pos < e && b[pos] != ' ') pos++;
            return pos;
        }
        boolean last = pi + 2 >= parts.size();
        if (last) {
            // the literal ends the line: take the last occurrence so the text may contain it
            int at = e - next.literal.length;
            return at >= pos && at(b, at, e, next.literal) ? at : e;
        }
        for (int i = pos; i + next.literal.length <= e; i++) if (at(b, i, e, next.literal)) return i;
        return e;
    }

    private static boolean at(byte[] b, int pos, int e, byte[] lit) {
        if (pos + lit.length > e) return false;
        for (int i = 0; i < lit.length; i++) if (b[pos + i] != lit[i]) return false;
        return true;
    }

    private static int skipPad(byte[] b, int pos, int e) {
        while (pos < e && b[pos] == ' ') pos++;
        return pos;
    }

    private static int digits(byte[] b, int pos, int e, int radix) {
        while (pos < e && Character.digit(b[pos], radix) >= 0) pos++;
        return pos;
    }

    private static long number(char conv, String t) {
        try {
            return switch (conv) {
                case 'd', 'i', 'u' -> t.startsWith("-") ? Long.parseLong(t) : Long.parseUnsignedLong(t.startsWith("+") ? t.substring(1) : t);
                case 'x', 'X', 'p' -> t.equals("(nil)") ? 0 : Long.parseUnsignedLong(t.startsWith("0x") ? t.substring(2) : t, 16);
                case 'o' -> Long.parseUnsignedLong(t, 8);
                default -> EventFields.NO_NUMBER;
            };
        } catch (NumberFormatException ex) {
            return EventFields.NO_NUMBER;
        }
    }
}
