package dev.virtscope.format.tracedat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * ftrace's {@code bprint} records ({@code trace_printk}): the record holds the caller's address,
 * a pointer to the printk format (looked up in the file's printk formats block) and the
 * arguments packed by the kernel's vbin_printf: integers aligned to their size (8-byte ones to
 * 4), strings inline with their NUL. Printed as {@code caller: text}.
 */
final class BinaryPrintf {
    private BinaryPrintf() {
    }

    static String render(TraceDatRecords rec, EventFormat f, PrintFmtEval ev) {
        EventFormat.Field ipF = f.field("ip"), fmtF = f.field("fmt"), bufF = f.field("buf");
        if (ipF == null || fmtF == null || bufF == null) return null;
        long ip = rec.reader.number(ipF, ev.b, ev.s, ev.e);
        long fmtAddr = rec.reader.number(fmtF, ev.b, ev.s, ev.e);
        String fmt = rec.printkFormat(fmtAddr);
        String sym = rec.kallsyms().symbol(ip, false);
        String caller = sym != null ? sym : "0x" + Long.toHexString(ip);
        if (fmt == null) return caller + ": [unknown format 0x" + Long.toHexString(fmtAddr) + "]";
        int start = rec.reader.dataStart(bufF, ev.b, ev.s, ev.e);
        int end = start + rec.reader.dataLength(bufF, ev.b, ev.s, ev.e);
        List<Object> values = unpack(rec, fmt, ev.b, start, end);
        int longBits = rec.kernelLongSize * 8;
        Iterator<Object> it = values.iterator();
        String text = new PrintfFormatter(fmt, longBits).format(() -> it.hasNext() ? it.next() : 0L,
                (a, off) -> rec.kallsyms().symbol(a, off), rec);
        if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
        return caller + ": " + text;
    }

    /** Reads the packed arguments in the order the format consumes them. */
    private static List<Object> unpack(TraceDatRecords rec, String fmt, byte[] b, int start, int end) {
        List<Object> out = new ArrayList<>();
        int pos = start;
        int n = fmt.length();
        int longSize = rec.kernelLongSize;
        for (int i = 0; i < n; i++) {
            if (fmt.charAt(i) != '%') continue;
            i++;
            if (i < n && fmt.charAt(i) == '%') continue;
            while (i < n && "-0+ #".indexOf(fmt.charAt(i)) >= 0) i++;
            if (i < n && fmt.charAt(i) == '*') {
                pos = align(pos, start, 4);
                out.add(pos + 4 <= end ? rec.reader.integer(b, pos, 4, true) : 0L);
                pos += 4;
                i++;
            }
            while (i < n && Character.isDigit(fmt.charAt(i))) i++;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                if (i < n && fmt.charAt(i) == '*') {
                    pos = align(pos, start, 4);
                    out.add(pos + 4 <= end ? rec.reader.integer(b, pos, 4, true) : 0L);
                    pos += 4;
                    i++;
                }
                while (i < n && Character.isDigit(fmt.charAt(i))) i++;
            }
            int ms = i;
            while (i < n && "hlLqzjt".indexOf(fmt.charAt(i)) >= 0) i++;
            String mod = fmt.substring(ms, i);
            if (i >= n) break;
            char conv = fmt.charAt(i);
            if (conv == 's') {
                int k = pos;
                while (k < end && b[k] != 0) k++;
                out.add(new String(b, pos, Math.max(0, k - pos), StandardCharsets.UTF_8));
                pos = Math.min(end, k + 1);
                continue;
            }
            int size = switch (conv) {
                case 'p' -> longSize;
                case 'c' -> 1;
                default -> switch (mod) {
                    case "" -> 4;
                    case "hh" -> 1;
                    case "h" -> 2;
                    case "l", "z", "t" -> longSize;
                    default -> 8;
                };
            };
            if (conv == 'p') while (i + 1 < n && Character.isLetterOrDigit(fmt.charAt(i + 1))) i++;
            pos = align(pos, start, Math.min(size, 4));
            out.add(pos + size <= end ? rec.reader.integer(b, pos, size, conv == 'd' || conv == 'i') : 0L);
            pos += size;
        }
        return out;
    }

    private static int align(int pos, int base, int a) {
        int rel = pos - base;
        return base + ((rel + a - 1) / a) * a;
    }
}
