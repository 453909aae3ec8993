package dev.virtscope.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a filter expression into tokens. Names are letters, digits, '_' and '.'; a leading '@'
 * ({@code @comm}) names a payload field even where a column has the same name. Strings are in
 * double quotes with {@code \"} and {@code \\} escapes (other backslashes are kept, so regular
 * expressions read as typed: {@code "CPU \d+/KVM"}). Numbers are decimal (with an optional
 * fraction, for times in seconds; a leading '-' for negative values) or {@code 0x} hex.
 */
final class FilterLexer {
    private FilterLexer() {
    }

    static List<Token> tokens(String src) throws FilterSyntaxException {
        List<Token> out = new ArrayList<>();
        int i = 0, n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) throw new FilterSyntaxException(start, "string starting here has no closing '\"'");
                    char d = src.charAt(i);
                    if (d == '"') break;
                    if (d == '\\' && i + 1 < n && (src.charAt(i + 1) == '"' || src.charAt(i + 1) == '\\')) {
                        sb.append(src.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    sb.append(d);
                    i++;
                }
                out.add(new Token(Token.Kind.STRING, sb.toString(), start, ++i));
            } else if (isDigit(c) || (c == '-' && i + 1 < n && isDigit(src.charAt(i + 1)))) {
                i = number(src, c == '-' ? i + 1 : i);
                out.add(new Token(Token.Kind.NUMBER, src.substring(start, i), start, i));
            } else if (c == '@' || isNameStart(c)) {
                i++;
                if (c == '@' && (i >= n || !isNameStart(src.charAt(i)))) {
                    throw new FilterSyntaxException(start, "expected a field name after '@'");
                }
                while (i < n && isNamePart(src.charAt(i))) i++;
                out.add(new Token(Token.Kind.IDENT, src.substring(start, i), start, i));
            } else {
                Token t = operator(src, i);
                out.add(t);
                i = t.end();
            }
        }
        out.add(new Token(Token.Kind.EOF, "", n, n));
        return out;
    }

    private static int number(String src, int i) throws FilterSyntaxException {
        int start = i > 0 && src.charAt(i - 1) == '-' ? i - 1 : i, n = src.length();
        if (src.startsWith("0x", i) || src.startsWith("0X", i)) {
            i += 2;
            int digits = i;
            while (i < n && Character.digit(src.charAt(i), 16) >= 0) i++;
            if (i == digits) throw new FilterSyntaxException(start, "expected hex digits after '0x'");
        } else {
            while (i < n && isDigit(src.charAt(i))) i++;
            if (i < n && src.charAt(i) == '.') {
                i++;
                int digits = i;
                while (i < n && isDigit(src.charAt(i))) i++;
                if (i == digits) throw new FilterSyntaxException(start, "expected digits after the decimal point");
            }
        }
        if (i < n && isNamePart(src.charAt(i))) {
            throw new FilterSyntaxException(start, "'" + src.substring(start, i + 1) + "' is not a number (decimal, or hex with 0x)");
        }
        return i;
    }

    private static Token operator(String src, int i) throws FilterSyntaxException {
        char c = src.charAt(i);
        char next = i + 1 < src.length() ? src.charAt(i + 1) : 0;
        return switch (c) {
            case '(' -> new Token(Token.Kind.LPAREN, "(", i, i + 1);
            case ')' -> new Token(Token.Kind.RPAREN, ")", i, i + 1);
            case '=' -> switch (next) {
                case '=' -> new Token(Token.Kind.EQ, "==", i, i + 2);
                case '~' -> new Token(Token.Kind.MATCH, "=~", i, i + 2);
                default -> throw new FilterSyntaxException(i, "expected '==' or '=~' (a single '=' is not an operator)");
            };
            case '!' -> next == '=' ? new Token(Token.Kind.NE, "!=", i, i + 2) : new Token(Token.Kind.NOT, "!", i, i + 1);
            case '<' -> next == '=' ? new Token(Token.Kind.LE, "<=", i, i + 2) : new Token(Token.Kind.LT, "<", i, i + 1);
            case '>' -> next == '=' ? new Token(Token.Kind.GE, ">=", i, i + 2) : new Token(Token.Kind.GT, ">", i, i + 1);
            case '&' -> {
                if (next != '&') throw new FilterSyntaxException(i, "expected '&&' (a single '&' is not an operator)");
                yield new Token(Token.Kind.AND, "&&", i, i + 2);
            }
            case '|' -> {
                if (next != '|') throw new FilterSyntaxException(i, "expected '||' (a single '|' is not an operator)");
                yield new Token(Token.Kind.OR, "||", i, i + 2);
            }
            case '\'' -> throw new FilterSyntaxException(i, "strings are written in double quotes: \"...\"");
            default -> throw new FilterSyntaxException(i, "unexpected character '" + c + "'");
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c) || c == '.';
    }
}
