package dev.virtscope.format.tracedat;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Evaluates print fmt argument expressions against one record. Values are {@link Long} numbers,
 * {@link String}s, or {@link Bytes} (arrays), and the kernel's trace-output helpers
 * ({@code __print_symbolic}, {@code __print_flags}, {@code __get_str}, {@code __print_hex}, …)
 * produce the text the kernel's own trace output produces.
 */
final class PrintFmtEval {
    /** A byte range of the record: an array field or dynamic array. */
    record Bytes(byte[] b, int start, int length) {
        String asString() {
            int k = 0;
            while (k < length && b[start + k] != 0) k++;
            return new String(b, start, k, StandardCharsets.UTF_8);
        }
    }

    /** Thrown for constructs the evaluator does not know; the event then prints as field=value. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    final TraceDatRecords rec;
    final EventFormat fmt;
    final byte[] b;
    final int s, e;

    PrintFmtEval(TraceDatRecords rec, EventFormat fmt, byte[] b, int s, int e) {
        this.rec = rec;
        this.fmt = fmt;
        this.b = b;
        this.s = s;
        this.e = e;
    }

    Object eval(PrintFmtExpr x) {
        if (x instanceof PrintFmtExpr.Num n) return n.value();
        if (x instanceof PrintFmtExpr.Str st) return st.value();
        if (x instanceof PrintFmtExpr.Field f) return field(f.name());
        if (x instanceof PrintFmtExpr.Cond c) return truth(eval(c.test())) ? eval(c.then()) : eval(c.otherwise());
        if (x instanceof PrintFmtExpr.Unary u) {
            long v = num(eval(u.arg()));
            return switch (u.op()) {
                case "-" -> -v;
                case "!" -> v == 0 ? 1L : 0L;
                case "~" -> ~v;
                default -> v;
            };
        }
        if (x instanceof PrintFmtExpr.Binary bi) return binary(bi);
        if (x instanceof PrintFmtExpr.Cast c) {
            Object v = eval(c.arg());
            if (c.bits() == 0 || !(v instanceof Long l)) return v;
            return truncate(l, c.bits(), c.signed());
        }
        if (x instanceof PrintFmtExpr.Call c) return call(c);
        if (x instanceof PrintFmtExpr.Index ix) {
            Object a = eval(ix.array());
            int i = (int) num(eval(ix.index()));
            if (a instanceof Bytes by && ix.array() instanceof PrintFmtExpr.Field f) {
                EventFormat.Field fd = fmt.field(f.name());
                int el = fd == null ? 1 : Math.max(1, fd.elemSize);
                if ((i + 1) * el > by.length()) return 0L;
                return rec.reader.integer(by.b(), by.start() + i * el, el, fd != null && fd.signed);
            }
            throw new Unsupported("index of a non-array");
        }
        throw new Unsupported(x.getClass().getSimpleName());
    }

    static long truncate(long v, int bits, boolean signed) {
        if (bits >= 64) return v;
        if (bits == 1) return v != 0 ? 1 : 0;
        long mask = (1L << bits) - 1;
        long u = v & mask;
        if (signed && (u & (1L << (bits - 1))) != 0) u |= ~mask;
        return u;
    }

    private Object field(String name) {
        EventFormat.Field f = fmt.field(name);
        if (f == null) throw new Unsupported("no field " + name);
        if (f.string) return rec.reader.string(f, b, s, e);
        if (f.array || f.dataLoc || f.relLoc)
            return new Bytes(b, rec.reader.dataStart(f, b, s, e), rec.reader.dataLength(f, b, s, e));
        return rec.reader.number(f, b, s, e);
    }

    static boolean truth(Object v) {
        if (v instanceof Long l) return l != 0;
        return v != null;
    }

    static long num(Object v) {
        if (v instanceof Long l) return l;
        throw new Unsupported("arithmetic on text");
    }

    private Object binary(PrintFmtExpr.Binary x) {
        if (x.op().equals("&&")) return truth(eval(x.left())) && truth(eval(x.right())) ? 1L : 0L;
        if (x.op().equals("||")) return truth(eval(x.left())) || truth(eval(x.right())) ? 1L : 0L;
        long a = num(eval(x.left()));
        long c = num(eval(x.right()));
        return switch (x.op()) {
            case "|" -> a | c;
            case "^" -> a ^ c;
            case "&" -> a & c;
            case "==" -> a == c ? 1L : 0L;
            case "!=" -> a != c ? 1L : 0L;
            case "<" -> a < c ? 1L : 0L;
            case ">" -> a > c ? 1L : 0L;
            case "<=" -> a <= c ? 1L : 0L;
            case ">=" -> a >= c ? 1L : 0L;
            case "<<" -> a << c;
            case ">>" -> a >>> c;
            case "+" -> a + c;
            case "-" -> a - c;
            case "*" -> a * c;
            case "/" -> c == 0 ? 0L : a / c;
            case "%" -> c == 0 ? 0L : a % c;
            default -> throw new Unsupported(x.op());
        };
    }

    private PrintFmtExpr.Field fieldArg(PrintFmtExpr.Call c, int i) {
        if (c.args().size() > i && c.args().get(i) instanceof PrintFmtExpr.Field f) return f;
        throw new Unsupported(c.name() + " without a field");
    }

    private Object call(PrintFmtExpr.Call c) {
        List<PrintFmtExpr> a = c.args();
        switch (c.name()) {
            case "__get_str", "__get_rel_str" -> {
                Object v = field(fieldArg(c, 0).name());
                return v instanceof Bytes by ? by.asString() : v;
            }
            case "__get_dynamic_array", "__get_rel_dynamic_array" -> {
                return field(fieldArg(c, 0).name());
            }
            case "__get_dynamic_array_len", "__get_rel_dynamic_array_len" -> {
                EventFormat.Field f = fmt.field(fieldArg(c, 0).name());
                if (f == null) throw new Unsupported("no field");
                return (long) rec.reader.dataLength(f, b, s, e);
            }
            case "__print_symbolic", "__print_symbolic_u64" -> {
                long v = num(eval(a.get(0)));
                for (int i = 1; i < a.size(); i++) {
                    List<PrintFmtExpr> t = tuple(a.get(i));
                    if (num(eval(t.get(0))) == v) return String.valueOf(eval(t.get(1)));
                }
                return "0x" + Long.toHexString(c.name().endsWith("u64") ? v : truncate(v, rec.kernelLongSize * 8, false));
            }
            case "__print_flags", "__print_flags_u64" -> {
                long flags = num(eval(a.get(0)));
                Object d = eval(a.get(1));
                String delim = d instanceof String ds ? ds : "";
                StringBuilder sb = new StringBuilder();
                boolean first = true;
                for (int i = 2; i < a.size() && flags != 0; i++) {
                    List<PrintFmtExpr> t = tuple(a.get(i));
                    long mask = num(eval(t.get(0)));
                    if ((flags & mask) != mask) continue;
                    flags &= ~mask;
                    if (!first) sb.append(delim);
                    first = false;
                    sb.append(eval(t.get(1)));
                }
                if (flags != 0) {
                    if (!first) sb.append(delim);
                    sb.append("0x").append(Long.toHexString(flags));
                }
                return sb.toString();
            }
            case "__print_hex", "__print_hex_str" -> {
                Bytes by = bytes(eval(a.get(0)));
                int n = (int) Math.min(num(eval(a.get(1))), by.length());
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    if (i > 0 && c.name().equals("__print_hex")) sb.append(' ');
                    sb.append(Character.forDigit((by.b()[by.start() + i] >> 4) & 0xf, 16))
                            .append(Character.forDigit(by.b()[by.start() + i] & 0xf, 16));
                }
                return sb.toString();
            }
            case "__print_array" -> {
                Bytes by = bytes(eval(a.get(0)));
                int count = (int) num(eval(a.get(1)));
                int el = (int) num(eval(a.get(2)));
                if (el != 1 && el != 2 && el != 4 && el != 8) throw new Unsupported("element size " + el);
                StringBuilder sb = new StringBuilder("{");
                for (int i = 0; i < count && (i + 1) * el <= by.length(); i++) {
                    if (i > 0) sb.append(',');
                    sb.append("0x").append(Long.toHexString(rec.reader.integer(by.b(), by.start() + i * el, el, false)));
                }
                return sb.append('}').toString();
            }
            default -> throw new Unsupported(c.name());
        }
    }

    private static Bytes bytes(Object v) {
        if (v instanceof Bytes by) return by;
        throw new Unsupported("not an array");
    }

    private static List<PrintFmtExpr> tuple(PrintFmtExpr x) {
        if (x instanceof PrintFmtExpr.Tuple t && t.items().size() >= 2) return t.items();
        throw new Unsupported("table entry");
    }
}
