package dev.virtscope.format.tracedat;

import java.util.Iterator;
import java.util.List;

/**
 * One event type's compiled {@code print fmt}: the printf format and its argument expressions.
 * Rendering evaluates the arguments against a record and formats them as the kernel does; if
 * the format uses something not supported, {@link #ok()} is false (or render gives null) and
 * the caller prints {@code field=value} instead. ftrace's bprint is special: its text comes from
 * a printk format found through the record's {@code fmt} pointer and binary-packed arguments.
 */
final class PrintFmt {
    private final PrintfFormatter formatter;
    private final List<PrintFmtExpr> args;
    private final boolean bprint;

    private PrintFmt(PrintfFormatter formatter, List<PrintFmtExpr> args, boolean bprint) {
        this.formatter = formatter;
        this.args = args;
        this.bprint = bprint;
    }

    static PrintFmt compile(EventFormat f, int longBits) {
        if (f.system.equals("ftrace") && f.name.equals("bprint")) return new PrintFmt(null, List.of(), true);
        if (f.printFmt.isEmpty()) return new PrintFmt(null, null, false);
        try {
            PrintFmtParser p = new PrintFmtParser(f.printFmt, longBits);
            return new PrintFmt(new PrintfFormatter(p.format, longBits), p.args, false);
        } catch (RuntimeException e) {
            return new PrintFmt(null, null, false);
        }
    }

    boolean ok() {
        return bprint || formatter != null;
    }

    /** The kernel's text for the record b[s, e), or null when it cannot be produced. */
    String render(TraceDatRecords rec, EventFormat f, byte[] b, int s, int e) {
        PrintFmtEval ev = new PrintFmtEval(rec, f, b, s, e);
        try {
            if (bprint) return BinaryPrintf.render(rec, f, ev);
            Iterator<PrintFmtExpr> it = args.iterator();
            return formatter.format(() -> {
                if (!it.hasNext()) throw new PrintFmtEval.Unsupported("too few arguments");
                return ev.eval(it.next());
            }, (a, off) -> rec.kallsyms().symbol(a, off), rec);
        } catch (RuntimeException ex) {
            return null;
        }
    }
}
