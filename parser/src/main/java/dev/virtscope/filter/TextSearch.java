package dev.virtscope.filter;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Locale;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.Payload;

/**
 * Free-text search: an event matches when its event name, its comm or its payload text contains
 * the words, ignoring ASCII case. Payload bytes are scanned in place (no String per event); names
 * and comms are tested once each. Binary payloads (trace.dat) are searched in their rendered text.
 * Not thread-safe.
 */
public final class TextSearch implements EventPredicate {
    private final EventStore s;
    private final byte[] needle;
    private final boolean[] typeMatches;
    private final IdentityHashMap<String, Boolean> commMatches = new IdentityHashMap<>();
    private final Payload payload = new Payload();
    private final String lower;

    public TextSearch(EventStore s, String text) {
        this.s = s;
        lower = text.toLowerCase(Locale.ROOT);
        needle = lower.getBytes(StandardCharsets.UTF_8);
        typeMatches = new boolean[s.eventNames().size()];
        for (int t = 0; t < typeMatches.length; t++) typeMatches[t] = contains(s.eventNames().get(t));
    }

    @Override
    public boolean test(int i) {
        if (typeMatches[s.type(i)]) return true;
        String c = s.comm(i);
        Boolean m = commMatches.get(c);
        if (m == null) {
            m = contains(c);
            commMatches.put(c, m);
        }
        if (m) return true;
        if (s.payloadRenderer() != null) return contains(s.payloadString(i));
        s.payload(i, payload);
        return indexOfIgnoreCase(payload.bytes, payload.start, payload.end, needle) >= 0;
    }

    private boolean contains(String text) {
        return text.toLowerCase(Locale.ROOT).contains(lower);
    }

    /** First position of needle (already lower case) in b[s,e) ignoring ASCII case, or -1. */
    static int indexOfIgnoreCase(byte[] b, int s, int e, byte[] needle) {
        int n = needle.length;
        if (n == 0) return s;
        byte first = needle[0];
        outer:
        for (int i = s; i <= e - n; i++) {
            if (lowerAscii(b[i]) != first) continue;
            for (int k = 1; k < n; k++) if (lowerAscii(b[i + k]) != needle[k]) continue outer;
            return i;
        }
        return -1;
    }

    private static byte lowerAscii(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }
}
