package dev.virtscope.analysis.kvm;

import java.nio.charset.StandardCharsets;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.Payload;
import dev.virtscope.store.PayloadRenderer;

/**
 * An event's payload as the text the kvm decoders read. Text traces store that text; a trace.dat stores
 * binary records, which are rendered first (one String per kvm event: acceptable for .dat sizes, and
 * text traces, the large ones, never pay it).
 */
final class PayloadText {
    private PayloadText() {
    }

    static void of(EventStore s, int i, Payload p) {
        s.payload(i, p);
        PayloadRenderer r = s.payloadRenderer();
        if (r == null) return;
        byte[] t = r.text(p.bytes, p.start, p.end).getBytes(StandardCharsets.ISO_8859_1);
        p.set(t, 0, t.length);
    }
}
