package dev.virtscope.filter;

import java.util.IdentityHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.virtscope.decode.EventFields;
import dev.virtscope.filter.FilterExpr.Op;
import dev.virtscope.store.EventStore;

/**
 * A compiled condition, evaluated per event number. {@link #cost} orders the operands of
 * {@code &&} and {@code ||} so column tests (array reads) run before comm tests (a lookup) and
 * those before payload fields (a decode): a field is decoded only for events the cheap tests let
 * through.
 */
abstract class Node {
    static final int COLUMN = 0, COMM = 1, FIELD = 2;

    abstract boolean test(int event);

    abstract int cost();

    static final class And extends Node {
        private final Node a, b;

        And(Node x, Node y) {
            a = x.cost() <= y.cost() ? x : y;
            b = a == x ? y : x;
        }

        boolean test(int i) {
            return a.test(i) && b.test(i);
        }

        int cost() {
            return b.cost();
        }
    }

    static final class Or extends Node {
        private final Node a, b;

        Or(Node x, Node y) {
            a = x.cost() <= y.cost() ? x : y;
            b = a == x ? y : x;
        }

        boolean test(int i) {
            return a.test(i) || b.test(i);
        }

        int cost() {
            return b.cost();
        }
    }

    static final class Not extends Node {
        private final Node a;

        Not(Node a) {
            this.a = a;
        }

        boolean test(int i) {
            return !a.test(i);
        }

        int cost() {
            return a.cost();
        }
    }

    /** A condition on the event name, decided once per event type. */
    static final class ByType extends Node {
        private final EventStore s;
        private final boolean[] kept;

        ByType(EventStore s, Predicate<String> onName) {
            this.s = s;
            kept = new boolean[s.eventNames().size()];
            for (int t = 0; t < kept.length; t++) kept[t] = onName.test(s.eventNames().get(t));
        }

        boolean test(int i) {
            return kept[s.type(i)];
        }

        int cost() {
            return COLUMN;
        }
    }

    /** cpu, tid or time against a number. */
    static final class NumberColumn extends Node {
        private final EventStore s;
        private final FilterExpr.Column column;
        private final Op op;
        private final long value;

        NumberColumn(EventStore s, FilterExpr.Column column, Op op, long value) {
            this.s = s;
            this.column = column;
            this.op = op;
            this.value = value;
        }

        boolean test(int i) {
            long v = switch (column) {
                case CPU -> s.cpu(i);
                case TID -> s.tid(i);
                default -> s.ts(i);
            };
            return Compare.longs(v, op, value);
        }

        int cost() {
            return COLUMN;
        }
    }

    /**
     * A condition on the comm the task had at the event's time. Comm strings come from the task
     * table's intern table, so each distinct name is tested once and remembered by identity.
     */
    static final class Comm extends Node {
        private final EventStore s;
        private final Predicate<String> onName;
        private final IdentityHashMap<String, Boolean> seen = new IdentityHashMap<>();

        Comm(EventStore s, Predicate<String> onName) {
            this.s = s;
            this.onName = onName;
        }

        boolean test(int i) {
            String c = s.comm(i);
            Boolean r = seen.get(c);
            if (r == null) {
                r = onName.test(c);
                seen.put(c, r);
            }
            return r;
        }

        int cost() {
            return COMM;
        }
    }

    /** The event has a payload field of this name. */
    static final class Has extends Node {
        private final FieldCache fields;
        private final String name;

        Has(FieldCache fields, String name) {
            this.fields = fields;
            this.name = name;
        }

        boolean test(int i) {
            return fields.of(i).get(name) != null;
        }

        int cost() {
            return FIELD;
        }
    }

    /** A payload field against a literal; false when the event has no such field or the kinds differ. */
    static final class Field extends Node {
        private final FieldCache fields;
        private final String name;
        private final Op op;
        private final String text;
        private final Pattern regex;
        private final boolean number, integral;
        private final long whole;
        private final double real;

        /** Against a string: text comparison, or a regular expression search for =~. */
        Field(FieldCache fields, String name, Op op, String text, Pattern regex) {
            this.fields = fields;
            this.name = name;
            this.op = op;
            this.text = text;
            this.regex = regex;
            number = integral = false;
            whole = 0;
            real = 0;
        }

        /** Against a number: only fields that decoded as numbers compare. */
        Field(FieldCache fields, String name, Op op, FilterExpr.Number n) {
            this.fields = fields;
            this.name = name;
            this.op = op;
            this.text = null;
            this.regex = null;
            number = true;
            integral = n.integral();
            whole = integral ? n.asLong() : 0;
            real = n.asDouble();
        }

        boolean test(int i) {
            EventFields.Field f = fields.of(i).get(name);
            if (f == null) return false;
            if (number) {
                if (!f.isNumber()) return false;
                return integral ? Compare.longs(f.number(), op, whole) : Compare.doubles(f.number(), op, real);
            }
            return regex != null ? regex.matcher(f.text()).find() : Compare.texts(f.text(), op, text);
        }

        int cost() {
            return FIELD;
        }
    }
}
