package dev.virtscope.decode;

import java.util.HashMap;
import java.util.Map;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.Payload;

/**
 * Which decoder reads which event's payload. Events without a dedicated decoder fall back to
 * {@code key=value} splitting. Decoders for an area (sched, kvm, qemu, …) register themselves in
 * the static block below.
 */
public final class FieldDecoders {
    private static final Map<String, FieldDecoder> BY_EVENT = new HashMap<>();
    private static volatile FieldDecoder fallback = (b, s, e, out) -> out.add("payload", new String(b, s, e - s, java.nio.charset.StandardCharsets.UTF_8));

    static {
        // areas register here
        fallback = KeyValueDecoder.INSTANCE;
        SchedDecoders.registerAll();
        IrqDecoders.registerAll();
        dev.virtscope.decode.kvm.KvmFieldDecoders.registerAll(BY_EVENT::put);
        dev.virtscope.decode.qemu.QemuMarkerDecoder.registerForMarkers();
    }

    private FieldDecoders() {
    }

    public static synchronized void register(String eventName, FieldDecoder d) {
        BY_EVENT.put(eventName, d);
    }

    public static synchronized void fallback(FieldDecoder d) {
        fallback = d;
    }

    /** The decoder registered for exactly this event name, or null (no fallback). */
    public static synchronized FieldDecoder registered(String eventName) {
        return BY_EVENT.get(eventName);
    }

    public static FieldDecoder forEvent(String eventName) {
        FieldDecoder d = BY_EVENT.get(eventName);
        return d != null ? d : fallback;
    }

    /** Decodes event i of a store. */
    public static EventFields decode(EventStore store, int i) {
        Payload p = new Payload();
        store.payload(i, p);
        EventFields f = new EventFields();
        // binary records (trace.dat) carry their own typed layout: their renderer decodes them;
        // the event's text decoder then adds the fields it reads from the kernel's text, so
        // analyses written against text payloads find the same field names
        if (store.payloadRenderer() instanceof FieldDecoder own) {
            own.decode(p.bytes, p.start, p.end, f);
            FieldDecoder text;
            synchronized (FieldDecoders.class) {
                text = BY_EVENT.get(store.eventName(i));
            }
            if (text != null) {
                byte[] t = store.payloadRenderer().text(p.bytes, p.start, p.end).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                text.decode(t, 0, t.length, f);
            }
            return f;
        }
        forEvent(store.eventName(i)).decode(p.bytes, p.start, p.end, f);
        return f;
    }
}
