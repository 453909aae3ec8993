package dev.virtscope.format.tracedat;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokens of a {@code print fmt:} line: the quoted format, then C argument expressions
 * ({@code REC->field}, numbers with C suffixes, strings, char literals, operators).
 */
final class PrintFmtLexer {
    enum Kind { NUMBER, STRING, IDENT, OP, END }

    record Token(Kind kind, String text, long number) {
        boolean is(String op) {
            return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(op);
        }
    }

    private static final String[] OPS = {"->", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
            "(", ")", "{", "}", "[", "]", ",", "?", ":", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "<", ">", ".", ";"};

    private PrintFmtLexer() {
    }

    static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && s.charAt(i) != '"') {
                    char d = s.charAt(i++);
                    if (d == '\\' && i < n) sb.append(escape(s.charAt(i++)));
                    else sb.append(d);
                }
                i++;
                // adjacent string literals concatenate, as in C
                if (!out.isEmpty() && out.get(out.size() - 1).kind == Kind.STRING) {
                    Token prev = out.remove(out.size() - 1);
                    out.add(new Token(Kind.STRING, prev.text + sb, 0));
                } else out.add(new Token(Kind.STRING, sb.toString(), 0));
            } else if (c == '\'') {
                i++;
                char v = s.charAt(i++);
                if (v == '\\' && i < n) v = escape(s.charAt(i++));
                i++;
                out.add(new Token(Kind.NUMBER, String.valueOf(v), v));
            } else if (Character.isDigit(c)) {
                int st = i;
                long v;
                if (c == '0' && i + 1 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
                    i += 2;
                    int h = i;
                    while (i < n && Character.digit(s.charAt(i), 16) >= 0) i++;
                    v = Long.parseUnsignedLong(s.substring(h, i), 16);
                } else {
                    while (i < n && Character.isDigit(s.charAt(i))) i++;
                    String d = s.substring(st, i);
                    v = d.length() > 1 && d.charAt(0) == '0' ? Long.parseUnsignedLong(d, 8) : Long.parseUnsignedLong(d);
                }
                while (i < n && "uUlL".indexOf(s.charAt(i)) >= 0) i++;
                out.add(new Token(Kind.NUMBER, s.substring(st, i), v));
            } else if (Character.isLetter(c) || c == '_') {
                int st = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
                out.add(new Token(Kind.IDENT, s.substring(st, i), 0));
            } else {
                String op = null;
                for (String o : OPS) {
                    if (s.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) throw new IllegalArgumentException("unexpected '" + c + "' in print fmt");
                out.add(new Token(Kind.OP, op, 0));
                i += op.length();
            }
        }
        out.add(new Token(Kind.END, "", 0));
        return out;
    }

    private static char escape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case '0' -> '\0';
            default -> c;
        };
    }
}
