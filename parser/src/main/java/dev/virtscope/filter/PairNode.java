package dev.virtscope.filter;

import dev.virtscope.decode.EventFields;
import dev.virtscope.filter.FilterExpr.Op;
import dev.virtscope.store.EventStore;

/**
 * A comparison of two per-event values ({@code prev_pid == tid}, {@code next_comm != comm}). Both
 * numbers: compared as numbers; both with text: compared as text; otherwise (or a side missing) false.
 */
final class PairNode extends Node {
    private final Side left, right;
    private final Op op;

    PairNode(Side left, Op op, Side right) {
        this.left = left;
        this.op = op;
        this.right = right;
    }

    @Override
    boolean test(int i) {
        if (!left.read(i) || !right.read(i)) return false;
        if (left.number != EventFields.NO_NUMBER && right.number != EventFields.NO_NUMBER) {
            return Compare.longs(left.number, op, right.number);
        }
        if (left.text != null && right.text != null) return Compare.texts(left.text, op, right.text);
        return false;
    }

    @Override
    int cost() {
        return Math.max(left.cost(), right.cost());
    }

    /** One side's value for the current event, read into reused slots. */
    static final class Side {
        private final EventStore s;
        private final FilterExpr.Column column;
        private final String field;
        private final FieldCache fields;
        long number;
        String text;

        Side(EventStore s, FilterExpr.Column column, String field, FieldCache fields) {
            this.s = s;
            this.column = column;
            this.field = field;
            this.fields = fields;
        }

        int cost() {
            return field != null ? FIELD : column == FilterExpr.Column.COMM ? COMM : COLUMN;
        }

        boolean read(int i) {
            number = EventFields.NO_NUMBER;
            text = null;
            if (field != null) {
                EventFields.Field f = fields.of(i).get(field);
                if (f == null) return false;
                number = f.number();
                text = f.text();
                return true;
            }
            switch (column) {
                case TIME -> number = s.ts(i);
                case CPU -> number = s.cpu(i);
                case TID -> number = s.tid(i);
                case COMM -> text = s.comm(i);
                case EVENT -> text = s.eventName(i);
            }
            return true;
        }
    }
}
