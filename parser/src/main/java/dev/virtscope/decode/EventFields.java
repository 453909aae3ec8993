package dev.virtscope.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The decoded fields of one event, in payload order. Created on demand (for display, filters,
 * export), never kept per event. Numbers keep their text too, so views show what the tracer printed.
 */
public final class EventFields {
    public static final long NO_NUMBER = Long.MIN_VALUE;

    public record Field(String name, String text, long number) {
        public boolean isNumber() {
            return number != NO_NUMBER;
        }
    }

    private final List<Field> fields = new ArrayList<>();

    public EventFields add(String name, String text, long number) {
        fields.add(new Field(name, text, number));
        return this;
    }

    public EventFields add(String name, String text) {
        return add(name, text, NO_NUMBER);
    }

    public EventFields add(String name, long number) {
        return add(name, Long.toString(number), number);
    }

    public List<Field> all() {
        return fields;
    }

    public Field get(String name) {
        for (Field f : fields) if (f.name().equals(name)) return f;
        return null;
    }

    public String text(String name) {
        Field f = get(name);
        return f == null ? null : f.text();
    }

    /** Numeric value of a field, or {@link #NO_NUMBER}. */
    public long number(String name) {
        Field f = get(name);
        return f == null ? NO_NUMBER : f.number();
    }

    public int size() {
        return fields.size();
    }

    public void clear() {
        fields.clear();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Field f : fields) sb.append(sb.length() == 0 ? "" : " ").append(f.name()).append('=').append(f.text());
        return sb.toString();
    }
}
