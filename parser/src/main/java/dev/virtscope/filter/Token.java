package dev.virtscope.filter;

/**
 * One token of a filter expression with its place in the text, so errors can point at it.
 *
 * @param text for STRING the unescaped contents, else the characters as typed
 */
record Token(Kind kind, String text, int start, int end) {
    enum Kind {
        IDENT, STRING, NUMBER, EQ, NE, LT, LE, GT, GE, MATCH, AND, OR, NOT, LPAREN, RPAREN, EOF
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of expression";
            case STRING -> "string \"" + text + "\"";
            case NUMBER -> "number " + text;
            case IDENT -> "name '" + text + "'";
            default -> "'" + text + "'";
        };
    }

    boolean isComparison() {
        return switch (kind) {
            case EQ, NE, LT, LE, GT, GE, MATCH -> true;
            default -> false;
        };
    }
}
