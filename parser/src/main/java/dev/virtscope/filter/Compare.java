package dev.virtscope.filter;

import dev.virtscope.filter.FilterExpr.Op;

/** The comparison operators on numbers and on text (Java's String order: by UTF-16 code unit). */
final class Compare {
    private Compare() {
    }

    static boolean longs(long a, Op op, long b) {
        return switch (op) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
            case MATCH -> false;
        };
    }

    static boolean doubles(double a, Op op, double b) {
        return switch (op) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
            case MATCH -> false;
        };
    }

    static boolean texts(String a, Op op, String b) {
        if (op == Op.EQ) return a.equals(b);
        if (op == Op.NE) return !a.equals(b);
        int c = a.compareTo(b);
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> false;
        };
    }
}
