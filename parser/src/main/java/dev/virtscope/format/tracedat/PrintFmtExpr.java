package dev.virtscope.format.tracedat;

import java.util.List;

/** The argument expressions of a {@code print fmt}, as parsed by {@link PrintFmtParser}. */
sealed interface PrintFmtExpr {
    record Num(long value) implements PrintFmtExpr {
    }

    record Str(String value) implements PrintFmtExpr {
    }

    /** {@code REC->name} */
    record Field(String name) implements PrintFmtExpr {
    }

    record Unary(String op, PrintFmtExpr arg) implements PrintFmtExpr {
    }

    record Binary(String op, PrintFmtExpr left, PrintFmtExpr right) implements PrintFmtExpr {
    }

    record Cond(PrintFmtExpr test, PrintFmtExpr then, PrintFmtExpr otherwise) implements PrintFmtExpr {
    }

    /** {@code (unsigned int)x}: bits 0 keeps the value (pointers, unknown types). */
    record Cast(int bits, boolean signed, PrintFmtExpr arg) implements PrintFmtExpr {
    }

    /** {@code __print_symbolic(…)}, {@code __get_str(…)}, …: a helper of the kernel's trace output. */
    record Call(String name, List<PrintFmtExpr> args) implements PrintFmtExpr {
    }

    /** {@code { 0x1, "S" }}: one entry of a symbol or flag table. */
    record Tuple(List<PrintFmtExpr> items) implements PrintFmtExpr {
    }

    /** {@code REC->arr[i]} */
    record Index(PrintFmtExpr array, PrintFmtExpr index) implements PrintFmtExpr {
    }
}
