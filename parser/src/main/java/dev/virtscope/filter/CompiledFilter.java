package dev.virtscope.filter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.virtscope.decode.ByteText;
import dev.virtscope.filter.FilterExpr.Column;
import dev.virtscope.filter.FilterExpr.Op;
import dev.virtscope.filter.FilterExpr.Operand;
import dev.virtscope.store.EventStore;

/**
 * A filter expression bound to one store, ready to test events by number. Conditions on the event
 * name are precomputed per event type, comm conditions once per distinct comm, and payload fields
 * are decoded only when a test reaches them (at most once per event).
 *
 * <p>Types: {@code cpu}, {@code tid} and {@code time} compare with numbers ({@code time} in seconds
 * as the trace prints it, or raw counts for counter clocks); {@code comm} and {@code event} with
 * strings; a field with either (a number only matches fields that decoded as numbers). A comparison
 * with a field the event does not have is false, so {@code !(vcpu == 1)} keeps events without vcpu.
 * Not thread-safe: compile one per thread.
 */
public final class CompiledFilter implements EventPredicate {
    private final Node root;
    private final FieldCache fields;
    private final String source;

    private CompiledFilter(String source, Node root, FieldCache fields) {
        this.source = source;
        this.root = root;
        this.fields = fields;
    }

    /** Parses and compiles; errors (syntax, types, bad regular expressions) name the column. */
    public static CompiledFilter compile(String expression, EventStore store) throws FilterSyntaxException {
        FilterExpr e = FilterParser.parse(expression);
        FieldCache cache = new FieldCache(store);
        return new CompiledFilter(expression, new Builder(store, cache).node(e), cache);
    }

    @Override
    public boolean test(int event) {
        return root.test(event);
    }

    public String source() {
        return source;
    }

    /** How many events had their payload decoded so far (0 when no field is involved). */
    public long decodedEvents() {
        return fields.decoded;
    }

    /** Event numbers in [0, size) that pass, ascending. */
    public int[] matching(EventStore store) {
        IntBuffer out = new IntBuffer();
        for (int i = 0, n = store.size(); i < n; i++) if (root.test(i)) out.add(i);
        return out.toArray();
    }

    private static final class Builder {
        private final EventStore s;
        private final FieldCache cache;

        Builder(EventStore s, FieldCache cache) {
            this.s = s;
            this.cache = cache;
        }

        Node node(FilterExpr e) throws FilterSyntaxException {
            if (e instanceof FilterExpr.And a) return new Node.And(node(a.left()), node(a.right()));
            if (e instanceof FilterExpr.Or o) return new Node.Or(node(o.left()), node(o.right()));
            if (e instanceof FilterExpr.Not n) return new Node.Not(node(n.inner()));
            if (e instanceof FilterExpr.Has h) return new Node.Has(cache, h.field());
            return compare((FilterExpr.Compare) e);
        }

        private Node compare(FilterExpr.Compare c) throws FilterSyntaxException {
            Operand l = c.left(), r = c.right();
            Op op = c.op();
            if (isLiteral(l)) {
                // 1 == vcpu reads as vcpu == 1 (the parser guarantees the other side is not a literal)
                Operand t = l;
                l = r;
                r = t;
                op = op.flipped();
            }
            if (!isLiteral(r)) return new PairNode(side(l), op, side(r));
            if (l instanceof FilterExpr.FieldRef f) return field(f, op, r);
            Column col = ((FilterExpr.ColumnRef) l).column();
            if (col.numeric()) {
                if (!(r instanceof FilterExpr.Number n)) {
                    throw new FilterSyntaxException(r.position(), col.label() + " is a number: compare it with a number, not a string"
                            + (op == Op.MATCH ? " (=~ works on comm, event and fields)" : ""));
                }
                return new Node.NumberColumn(s, col, op, col == Column.TIME ? timeValue(n) : whole(n, col));
            }
            if (!(r instanceof FilterExpr.Text t)) {
                throw new FilterSyntaxException(r.position(), col.label() + " is a name: compare it with a string in double quotes");
            }
            java.util.function.Predicate<String> onName = textTest(op, t);
            return col == Column.EVENT ? new Node.ByType(s, onName) : new Node.Comm(s, onName);
        }

        private Node field(FilterExpr.FieldRef f, Op op, Operand r) throws FilterSyntaxException {
            if (r instanceof FilterExpr.Number n) return new Node.Field(cache, f.name(), op, n);
            FilterExpr.Text t = (FilterExpr.Text) r;
            return new Node.Field(cache, f.name(), op, t.value(), op == Op.MATCH ? regex(t) : null);
        }

        private static java.util.function.Predicate<String> textTest(Op op, FilterExpr.Text t) throws FilterSyntaxException {
            if (op == Op.MATCH) {
                Pattern p = regex(t);
                return name -> p.matcher(name).find();
            }
            String v = t.value();
            return name -> Compare.texts(name, op, v);
        }

        private static Pattern regex(FilterExpr.Text t) throws FilterSyntaxException {
            try {
                return Pattern.compile(t.value());
            } catch (PatternSyntaxException e) {
                throw new FilterSyntaxException(t.position(), "bad regular expression: " + e.getDescription()
                        + " near index " + e.getIndex() + " of \"" + t.value() + "\"");
            }
        }

        private long whole(FilterExpr.Number n, Column col) throws FilterSyntaxException {
            if (!n.integral()) throw new FilterSyntaxException(n.position(), col.label() + " is a whole number, not " + n.text());
            return n.asLong();
        }

        /** Seconds as the trace prints them (20.649068) → ns; counter clocks compare raw counts. */
        private long timeValue(FilterExpr.Number n) throws FilterSyntaxException {
            String t = n.text();
            if (!s.nsClock() || t.startsWith("0x") || t.startsWith("0X")) return whole(n, Column.TIME);
            boolean neg = t.startsWith("-");
            byte[] b = (neg ? t.substring(1) : t).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            long ns;
            try {
                ns = n.integral() ? Math.multiplyExact(Math.abs(n.asLong()), 1_000_000_000L) : ByteText.parseTimestampNs(b, 0, b.length);
            } catch (ArithmeticException e) {
                throw new FilterSyntaxException(n.position(), "time " + t + " s is out of range");
            }
            if (ns == Long.MIN_VALUE) throw new FilterSyntaxException(n.position(), "time has at most 9 decimals (ns), not " + t);
            return neg ? -ns : ns;
        }

        private PairNode.Side side(Operand o) {
            if (o instanceof FilterExpr.FieldRef f) return new PairNode.Side(s, null, f.name(), cache);
            return new PairNode.Side(s, ((FilterExpr.ColumnRef) o).column(), null, cache);
        }

        private static boolean isLiteral(Operand o) {
            return o instanceof FilterExpr.Text || o instanceof FilterExpr.Number;
        }
    }
}
