package dev.virtscope.format.tracedat;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's vsprintf as far as trace output uses it: {@code %d %i %u %x %X %o %c %s %p %%} with
 * flags {@code -0+ #}, width, precision ({@code *} too), length modifiers {@code hh h l ll z},
 * and {@code %p} extensions ({@code %pS %ps %pF %pf %pB} symbols, otherwise the address). A format is
 * compiled once per event type into literal text and conversion specs.
 */
final class PrintfFormatter {
    /** Supplies the next argument value as the format consumes them. */
    interface Args {
        Object next();
    }

    /** Symbol lookup for %pS/%ps; null when unknown. */
    interface Symbols {
        String symbol(long addr, boolean withOffset);
    }

    private record Spec(String literal, char conv, boolean left, boolean zero, boolean plus, boolean space,
                        boolean alt, int width, int precision, int bits, char ptrExt) {
    }

    private final List<Spec> specs = new ArrayList<>();
    private final String tail;
    private final int longBits;

    /** width/precision -2 means "taken from the arguments" ({@code *}). */
    PrintfFormatter(String f, int longBits) {
        this.longBits = longBits;
        StringBuilder lit = new StringBuilder();
        int i = 0;
        int n = f.length();
        while (i < n) {
            char c = f.charAt(i++);
            if (c != '%') {
                lit.append(c);
                continue;
            }
            if (i < n && f.charAt(i) == '%') {
                lit.append('%');
                i++;
                continue;
            }
            boolean left = false, zero = false, plus = false, space = false, alt = false;
            for (; i < n; i++) {
                char x = f.charAt(i);
                if (x == '-') left = true;
                else if (x == '0') zero = true;
                else if (x == '+') plus = true;
                else if (x == ' ') space = true;
                else if (x == '#') alt = true;
                else break;
            }
            int width = -1;
            if (i < n && f.charAt(i) == '*') {
                width = -2;
                i++;
            } else {
                while (i < n && Character.isDigit(f.charAt(i))) width = Math.max(width, 0) * 10 + (f.charAt(i++) - '0');
            }
            int prec = -1;
            if (i < n && f.charAt(i) == '.') {
                i++;
                prec = 0;
                if (i < n && f.charAt(i) == '*') {
                    prec = -2;
                    i++;
                } else while (i < n && Character.isDigit(f.charAt(i))) prec = prec * 10 + (f.charAt(i++) - '0');
            }
            int ms = i;
            while (i < n && "hlLqzjt".indexOf(f.charAt(i)) >= 0) i++;
            int bits = switch (f.substring(ms, i)) {
                case "" -> 32;
                case "hh" -> 8;
                case "h" -> 16;
                case "l", "z", "t" -> longBits;
                default -> 64;
            };
            if (i >= n) throw new IllegalArgumentException("format ends inside a conversion");
            char conv = f.charAt(i++);
            char ext = 0;
            if (conv == 'p') {
                // the kernel consumes every alphanumeric after %p as an extension
                if (i < n && Character.isLetterOrDigit(f.charAt(i))) ext = f.charAt(i);
                while (i < n && Character.isLetterOrDigit(f.charAt(i))) i++;
            }
            if ("diuxXocsp".indexOf(conv) < 0) throw new IllegalArgumentException("unsupported conversion %" + conv);
            specs.add(new Spec(lit.toString(), conv, left, zero, plus, space, alt, width, prec, bits, ext));
            lit.setLength(0);
        }
        tail = lit.toString();
    }

    String format(Args args, Symbols syms, TraceDatRecords rec) {
        StringBuilder out = new StringBuilder(64);
        for (Spec sp : specs) {
            out.append(sp.literal);
            int width = sp.width == -2 ? (int) PrintFmtEval.num(args.next()) : sp.width;
            int prec = sp.precision == -2 ? (int) PrintFmtEval.num(args.next()) : sp.precision;
            boolean left = sp.left || width < -1;
            if (width < -1) width = -width;
            Object v = args.next();
            String body;
            switch (sp.conv) {
                case 's' -> {
                    String str;
                    if (v instanceof String x) str = x;
                    else if (v instanceof PrintFmtEval.Bytes by) str = by.asString();
                    else if (v instanceof Long addr) {
                        String k = rec.printkFormat(addr);
                        str = k != null ? k : addr == 0 ? "(null)" : "(" + Long.toHexString(addr) + ")";
                    } else str = "(null)";
                    if (prec >= 0 && str.length() > prec) str = str.substring(0, prec);
                    body = str;
                }
                case 'c' -> body = String.valueOf((char) (PrintFmtEval.num(v) & 0xff));
                case 'p' -> body = pointer(sp, PrintFmtEval.num(v), syms);
                default -> body = integer(sp, PrintFmtEval.num(v), prec);
            }
            pad(out, body, width, left, sp.zero && !left && sp.conv != 's' && sp.conv != 'c' && prec < 0);
        }
        out.append(tail);
        return out.toString();
    }

    private String pointer(Spec sp, long v, Symbols syms) {
        switch (sp.ptrExt) {
            case 'S', 's', 'F', 'f', 'B' -> {
                String name = syms.symbol(v, sp.ptrExt == 'S' || sp.ptrExt == 'F' || sp.ptrExt == 'B');
                return name != null ? name : "0x" + Long.toHexString(v);
            }
            default -> {
                String h = Long.toHexString(PrintFmtEval.truncate(v, longBits, false));
                StringBuilder sb = new StringBuilder();
                for (int k = h.length(); k < longBits / 4; k++) sb.append('0');
                return sb.append(h).toString();
            }
        }
    }

    private static String integer(Spec sp, long raw, int prec) {
        boolean signed = sp.conv == 'd' || sp.conv == 'i';
        long v = PrintFmtEval.truncate(raw, sp.bits, signed);
        String digits;
        String sign = "";
        switch (sp.conv) {
            case 'x' -> digits = Long.toHexString(v);
            case 'X' -> digits = Long.toHexString(v).toUpperCase();
            case 'o' -> digits = Long.toOctalString(v);
            case 'u' -> digits = Long.toUnsignedString(v);
            default -> {
                if (v < 0) {
                    sign = "-";
                    digits = v == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(-v);
                } else {
                    digits = Long.toString(v);
                    if (sp.plus) sign = "+";
                    else if (sp.space) sign = " ";
                }
            }
        }
        if (prec == 0 && v == 0) digits = "";
        if (prec > digits.length()) digits = "0".repeat(prec - digits.length()) + digits;
        if (sp.alt && (sp.conv == 'x' || sp.conv == 'X')) sign = sp.conv == 'x' ? "0x" : "0X";
        if (sp.alt && sp.conv == 'o' && !digits.startsWith("0")) digits = "0" + digits;
        return sign.isEmpty() ? digits : sign + "\u0000" + digits;
    }

    /** Pads to width; a NUL in body separates sign/prefix from digits so zero padding goes between them. */
    private static void pad(StringBuilder out, String body, int width, boolean left, boolean zero) {
        int cut = body.indexOf('\u0000');
        String prefix = cut < 0 ? "" : body.substring(0, cut);
        String digits = cut < 0 ? body : body.substring(cut + 1);
        int len = prefix.length() + digits.length();
        int fill = Math.max(0, width - len);
        if (left) {
            out.append(prefix).append(digits);
            out.append(" ".repeat(fill));
        } else if (zero) {
            out.append(prefix).append("0".repeat(fill)).append(digits);
        } else {
            out.append(" ".repeat(fill)).append(prefix).append(digits);
        }
    }
}
