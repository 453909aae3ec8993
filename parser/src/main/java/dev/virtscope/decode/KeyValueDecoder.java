package dev.virtscope.decode;

import java.nio.charset.StandardCharsets;

/**
 * The fallback decoder: {@code key=value} pairs as most TP_printk formats write them. A value runs
 * up to the next {@code " key="} (an identifier, then '='), so values may hold spaces
 * ({@code comm=CPU 0/KVM pid=627}), '=' ({@code my_field=foo=bar}) and brackets
 * ({@code cpumask=ARRAY[0f, 00]}). Text before the first pair ({@code [FAILED TO PARSE]}, a clock
 * name) becomes the field {@code text}; a payload without any pair becomes the field {@code payload}.
 * Values that are a decimal or 0x-hex number, optionally followed by a unit ({@code 7778999 [ns]}),
 * also carry that number.
 */
public final class KeyValueDecoder implements FieldDecoder {
    public static final KeyValueDecoder INSTANCE = new KeyValueDecoder();

    @Override
    public void decode(byte[] b, int start, int end, EventFields out) {
        int first = nextKey(b, start, start, end);
        if (first < 0) {
            out.add("payload", str(b, start, end));
            return;
        }
        int textEnd = first;
        while (textEnd > start && ByteText.isSpace(b[textEnd - 1])) textEnd--;
        if (textEnd > start) out.add("text", str(b, start, textEnd));
        int k = first;
        while (k >= 0) {
            int eq = ByteText.indexOf(b, k, end, (byte) '=');
            int next = nextKey(b, start, eq + 1, end);
            int valueEnd = next < 0 ? end : next - 1;
            add(out, str(b, k, eq), b, eq + 1, valueEnd);
            k = next;
        }
    }

    /** Adds a field whose value is b[s,e), with its number when it is one. */
    static void add(EventFields out, String name, byte[] b, int s, int e) {
        out.add(name, str(b, s, e), number(b, s, e));
    }

    /**
     * Start of the next key at or after from: at the payload start or after a space, an identifier
     * immediately followed by '='; -1 if none.
     */
    static int nextKey(byte[] b, int payloadStart, int from, int end) {
        for (int i = from; i < end; i++) {
            if (i != payloadStart && b[i - 1] != ' ') continue;
            if (!identStart(b[i])) continue;
            int j = i + 1;
            while (j < end && identPart(b[j])) j++;
            if (j < end && b[j] == '=') return i;
        }
        return -1;
    }

    private static boolean identStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean identPart(byte c) {
        return identStart(c) || (c >= '0' && c <= '9');
    }

    /** Decimal (optionally negative) or 0x-hex number at the start of b[s,e), alone or before " [unit]"; else NO_NUMBER. */
    public static long number(byte[] b, int s, int e) {
        int u = ByteText.indexOf(b, s, e, (byte) ' ');
        if (u >= 0 && u + 1 < e && b[u + 1] == '[' && b[e - 1] == ']') e = u;
        if (s >= e) return EventFields.NO_NUMBER;
        if (e - s > 2 && b[s] == '0' && (b[s + 1] == 'x' || b[s + 1] == 'X')) {
            long v = ByteText.parseHex(b, s, e);
            return v < 0 && e - s != 18 ? EventFields.NO_NUMBER : v;
        }
        boolean neg = b[s] == '-';
        long v = ByteText.parseDecimal(b, neg ? s + 1 : s, e);
        if (v < 0) return EventFields.NO_NUMBER;
        return neg ? -v : v;
    }

    static String str(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
}
