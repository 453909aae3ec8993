package dev.virtscope.format.tracedat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.virtscope.format.tracedat.PrintFmtLexer.Kind;
import dev.virtscope.format.tracedat.PrintFmtLexer.Token;

/**
 * Parses {@code "format", arg, arg…} into the format string and argument expressions, with C
 * precedence (ternary, logical, bitwise, comparison, shift, additive, multiplicative, unary, casts).
 */
final class PrintFmtParser {
    private static final String[][] LEVELS = {
            {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"}};
    private static final Set<String> TYPE_WORDS = Set.of("unsigned", "signed", "int", "long", "short", "char", "bool",
            "_Bool", "void", "const", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "__u8", "__u16", "__u32",
            "__u64", "__s8", "__s16", "__s32", "__s64", "struct", "size_t", "pid_t", "gfp_t", "uint8_t", "uint16_t",
            "uint32_t", "uint64_t", "int8_t", "int16_t", "int32_t", "int64_t", "ulong", "uint", "phys_addr_t", "dma_addr_t");

    final String format;
    final List<PrintFmtExpr> args = new ArrayList<>();
    private final List<Token> t;
    private int p;
    private final int longBits;

    PrintFmtParser(String printFmt, int longBits) {
        this.longBits = longBits;
        t = PrintFmtLexer.lex(printFmt);
        if (t.get(0).kind() != Kind.STRING) throw new IllegalArgumentException("print fmt does not start with a string");
        format = t.get(0).text();
        p = 1;
        while (peek().is(",")) {
            p++;
            args.add(ternary());
        }
        if (peek().kind() != Kind.END) throw new IllegalArgumentException("unexpected '" + peek().text() + "' in print fmt");
    }

    private Token peek() {
        return t.get(p);
    }

    private Token next() {
        return t.get(p++);
    }

    private void expect(String op) {
        Token k = next();
        if (!k.is(op)) throw new IllegalArgumentException("expected '" + op + "' but found '" + k.text() + "'");
    }

    private PrintFmtExpr ternary() {
        PrintFmtExpr c = binary(0);
        if (peek().is("?")) {
            p++;
            PrintFmtExpr a = ternary();
            expect(":");
            PrintFmtExpr b = ternary();
            return new PrintFmtExpr.Cond(c, a, b);
        }
        return c;
    }

    private PrintFmtExpr binary(int level) {
        if (level == LEVELS.length) return unary();
        PrintFmtExpr left = binary(level + 1);
        while (true) {
            Token k = peek();
            String op = null;
            if (k.kind() == Kind.OP) for (String o : LEVELS[level]) if (k.text().equals(o)) op = o;
            if (op == null) return left;
            p++;
            left = new PrintFmtExpr.Binary(op, left, binary(level + 1));
        }
    }

    private PrintFmtExpr unary() {
        Token k = peek();
        if (k.kind() == Kind.OP && (k.is("-") || k.is("!") || k.is("~") || k.is("+"))) {
            p++;
            return new PrintFmtExpr.Unary(k.text(), unary());
        }
        if (k.is("&") || k.is("*")) { // address-of / dereference of a field: keep the field
            p++;
            return unary();
        }
        if (k.is("(") && isCast()) return cast();
        return postfix(primary());
    }

    private boolean isCast() {
        int i = p + 1;
        boolean sawType = false;
        while (t.get(i).kind() == Kind.IDENT || t.get(i).is("*")) {
            Token x = t.get(i);
            if (x.kind() == Kind.IDENT && (TYPE_WORDS.contains(x.text()) || x.text().endsWith("_t"))) sawType = true;
            i++;
        }
        return sawType && t.get(i).is(")");
    }

    private PrintFmtExpr cast() {
        expect("(");
        List<String> words = new ArrayList<>();
        boolean pointer = false;
        while (!peek().is(")")) {
            Token x = next();
            if (x.is("*")) pointer = true;
            else words.add(x.text());
        }
        expect(")");
        PrintFmtExpr arg = unary();
        if (pointer) return new PrintFmtExpr.Cast(0, false, arg);
        boolean signed = !words.contains("unsigned") && !words.contains("bool") && !words.contains("_Bool");
        int bits = 32;
        long longs = words.stream().filter("long"::equals).count();
        for (String w : words) {
            switch (w) {
                case "char", "u8", "__u8", "s8", "__s8", "uint8_t", "int8_t" -> bits = 8;
                case "short", "u16", "__u16", "s16", "__s16", "uint16_t", "int16_t" -> bits = 16;
                case "u64", "__u64", "s64", "__s64", "uint64_t", "int64_t", "size_t", "phys_addr_t", "dma_addr_t" -> bits = 64;
                case "bool", "_Bool" -> bits = 1;
                case "ulong" -> bits = longBits;
                default -> {
                }
            }
            if (w.startsWith("u") && !w.equals("unsigned")) signed = false;
            if (w.equals("size_t")) signed = false;
        }
        if (longs == 1) bits = longBits;
        if (longs >= 2) bits = 64;
        if (words.contains("void")) bits = 0;
        return new PrintFmtExpr.Cast(bits, signed, arg);
    }

    private PrintFmtExpr postfix(PrintFmtExpr e) {
        while (peek().is("[")) {
            p++;
            PrintFmtExpr i = ternary();
            expect("]");
            e = new PrintFmtExpr.Index(e, i);
        }
        return e;
    }

    private PrintFmtExpr primary() {
        Token k = next();
        switch (k.kind()) {
            case NUMBER:
                return new PrintFmtExpr.Num(k.number());
            case STRING:
                return new PrintFmtExpr.Str(k.text());
            case IDENT:
                if (k.text().equals("REC") && peek().is("->")) {
                    p++;
                    return new PrintFmtExpr.Field(next().text());
                }
                if (peek().is("(")) {
                    p++;
                    List<PrintFmtExpr> a = new ArrayList<>();
                    if (!peek().is(")")) {
                        a.add(ternary());
                        while (peek().is(",")) {
                            p++;
                            if (peek().is(")")) break;
                            a.add(ternary());
                        }
                    }
                    expect(")");
                    return new PrintFmtExpr.Call(k.text(), a);
                }
                Long known = KernelEnums.value(k.text());
                if (known != null) return new PrintFmtExpr.Num(known);
                // a bare name is a field, as in __get_str(name); evaluation fails if there is none
                return new PrintFmtExpr.Field(k.text());
            case OP:
                if (k.is("(")) {
                    PrintFmtExpr e = ternary();
                    expect(")");
                    return e;
                }
                if (k.is("{")) {
                    List<PrintFmtExpr> items = new ArrayList<>();
                    while (!peek().is("}")) {
                        items.add(ternary());
                        if (peek().is(",")) p++;
                    }
                    expect("}");
                    return new PrintFmtExpr.Tuple(items);
                }
                throw new IllegalArgumentException("unexpected '" + k.text() + "' in print fmt");
            default:
                throw new IllegalArgumentException("print fmt ends too early");
        }
    }
}
