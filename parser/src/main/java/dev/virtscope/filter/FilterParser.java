package dev.virtscope.filter;

import java.util.List;

import dev.virtscope.filter.FilterExpr.Column;
import dev.virtscope.filter.FilterExpr.Op;
import dev.virtscope.filter.FilterExpr.Operand;

/**
 * Recursive-descent parser of filter expressions. Grammar, loosest binding first:
 * <pre>
 * expr       := and ( '||' and )*
 * and        := unary ( '&amp;&amp;' unary )*
 * unary      := '!' unary | '(' expr ')' | comparison
 * comparison := operand ( ('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '=~') operand )?
 * operand    := name | '@' name | "string" | number
 * </pre>
 * A name is a column ({@code time cpu tid comm event}) or else a decoded payload field
 * ({@code reason}, {@code vcpu}, {@code prev_comm}…); {@code @name} always means the field. A field
 * alone tests that the event has it. Errors say where (column) and what was expected.
 */
public final class FilterParser {
    private final List<Token> tokens;
    private int pos;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses an expression; blank text is an error (callers treat blank as "no filter" before calling). */
    public static FilterExpr parse(String src) throws FilterSyntaxException {
        FilterParser p = new FilterParser(FilterLexer.tokens(src));
        if (p.peek().kind() == Token.Kind.EOF) throw new FilterSyntaxException(0, "the expression is empty");
        FilterExpr e = p.or();
        Token t = p.peek();
        if (t.kind() != Token.Kind.EOF) {
            String hint = t.kind() == Token.Kind.RPAREN ? " (no '(' is open)" : t.isComparison()
                    ? " (comparisons do not chain: join them with && or ||)" : "";
            throw new FilterSyntaxException(t.start(), "expected '&&', '||' or end of expression, found " + t.describe() + hint);
        }
        return e;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private FilterExpr or() throws FilterSyntaxException {
        FilterExpr e = and();
        while (peek().kind() == Token.Kind.OR) {
            next();
            e = new FilterExpr.Or(e, and());
        }
        return e;
    }

    private FilterExpr and() throws FilterSyntaxException {
        FilterExpr e = unary();
        while (peek().kind() == Token.Kind.AND) {
            next();
            e = new FilterExpr.And(e, unary());
        }
        return e;
    }

    private FilterExpr unary() throws FilterSyntaxException {
        Token t = peek();
        if (t.kind() == Token.Kind.NOT) {
            next();
            return new FilterExpr.Not(unary());
        }
        if (t.kind() == Token.Kind.LPAREN) {
            next();
            FilterExpr inner = or();
            Token close = peek();
            if (close.kind() != Token.Kind.RPAREN) {
                throw new FilterSyntaxException(close.start(), "expected ')' to close the '(' at column " + (t.start() + 1)
                        + ", found " + close.describe());
            }
            next();
            return inner;
        }
        return comparison();
    }

    private FilterExpr comparison() throws FilterSyntaxException {
        Token first = peek();
        Operand left = operand("a condition (a column or field, '!' or '(')", null);
        Token op = peek();
        if (!op.isComparison()) {
            if (left instanceof FilterExpr.FieldRef f) return new FilterExpr.Has(f.name());
            String what = left instanceof FilterExpr.ColumnRef c ? "column '" + c.column().label() + "'" : first.describe();
            throw new FilterSyntaxException(op.start(), "expected an operator (==, !=, <, <=, >, >=, =~) after " + what
                    + ", found " + op.describe());
        }
        next();
        Operand right = operand("a value (\"text\" or a number)", op);
        Op o = switch (op.kind()) {
            case EQ -> Op.EQ;
            case NE -> Op.NE;
            case LT -> Op.LT;
            case LE -> Op.LE;
            case GT -> Op.GT;
            case GE -> Op.GE;
            default -> Op.MATCH;
        };
        if (o == Op.MATCH && !(right instanceof FilterExpr.Text)) {
            throw new FilterSyntaxException(right.position(), "expected a regular expression in double quotes after '=~'");
        }
        if (isLiteral(left) && isLiteral(right)) {
            throw new FilterSyntaxException(first.start(), "a comparison needs a column or field on one side");
        }
        return new FilterExpr.Compare(left, o, right, op.start());
    }

    private Operand operand(String expected, Token after) throws FilterSyntaxException {
        Token t = peek();
        String where = after == null ? "" : " after '" + after.text() + "'";
        switch (t.kind()) {
            case IDENT -> {
                next();
                if (t.text().startsWith("@")) return new FilterExpr.FieldRef(t.text().substring(1), t.start());
                Column c = Column.named(t.text());
                return c != null ? new FilterExpr.ColumnRef(c, t.start()) : new FilterExpr.FieldRef(t.text(), t.start());
            }
            case STRING -> {
                next();
                return new FilterExpr.Text(t.text(), t.start());
            }
            case NUMBER -> {
                next();
                FilterExpr.Number n = new FilterExpr.Number(t.text(), t.start());
                try {
                    if (n.integral()) n.asLong();
                } catch (NumberFormatException e) {
                    throw new FilterSyntaxException(t.start(), "number " + t.text() + " is too large (64 bits at most)");
                }
                return n;
            }
            default -> throw new FilterSyntaxException(t.start(), "expected " + expected + where + ", found " + t.describe());
        }
    }

    private static boolean isLiteral(Operand o) {
        return o instanceof FilterExpr.Text || o instanceof FilterExpr.Number;
    }
}
