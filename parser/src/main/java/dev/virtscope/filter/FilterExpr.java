package dev.virtscope.filter;

/**
 * A parsed filter expression: a small tree, built once per expression (never per event) and then
 * compiled against a store by {@link FilterCompiler}.
 */
public sealed interface FilterExpr {
    record And(FilterExpr left, FilterExpr right) implements FilterExpr {
    }

    record Or(FilterExpr left, FilterExpr right) implements FilterExpr {
    }

    record Not(FilterExpr inner) implements FilterExpr {
    }

    /** {@code left op right}; {@code =~} has a string (the regular expression) on its right. */
    record Compare(Operand left, Op op, Operand right, int position) implements FilterExpr {
    }

    /** A payload field named alone: true when the event's decoded fields include it. */
    record Has(String field) implements FilterExpr {
    }

    enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), MATCH("=~");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator seen from the other side: {@code 1 < x} is {@code x > 1}. */
        Op flipped() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    /** The built-in columns every event has. */
    enum Column {
        TIME, CPU, TID, COMM, EVENT;

        static Column named(String name) {
            return switch (name) {
                case "time" -> TIME;
                case "cpu" -> CPU;
                case "tid" -> TID;
                case "comm" -> COMM;
                case "event" -> EVENT;
                default -> null;
            };
        }

        boolean numeric() {
            return this == TIME || this == CPU || this == TID;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One side of a comparison. */
    sealed interface Operand {
        int position();
    }

    record ColumnRef(Column column, int position) implements Operand {
    }

    record FieldRef(String name, int position) implements Operand {
    }

    record Text(String value, int position) implements Operand {
    }

    /** A number as typed (kept as text so {@code time} can read it as seconds). */
    record Number(String text, int position) implements Operand {
        boolean integral() {
            return text.indexOf('.') < 0;
        }

        /** Whole value; only for integral numbers. Hex up to 16 digits wraps like the tracer's u64. */
        long asLong() {
            boolean neg = text.startsWith("-");
            String t = neg ? text.substring(1) : text;
            long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
            return neg ? -v : v;
        }

        double asDouble() {
            return integral() ? asLong() : Double.parseDouble(text);
        }
    }
}
