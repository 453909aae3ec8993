package dev.virtscope.filter;

import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoder;
import dev.virtscope.decode.FieldDecoders;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.Payload;

/**
 * The decoded payload fields of the event being tested, decoded at most once per event however
 * many conditions read them, into one reused {@link EventFields}. Decoders are looked up once per
 * event type. Not thread-safe: one per running filter.
 */
final class FieldCache {
    private final EventStore store;
    private final FieldDecoder[] byType;
    private final Payload payload = new Payload();
    private final EventFields reused = new EventFields();
    private EventFields fields = reused;
    private int current = -1;
    long decoded;

    FieldCache(EventStore store) {
        this.store = store;
        byType = new FieldDecoder[store.eventNames().size()];
        for (int t = 0; t < byType.length; t++) byType[t] = FieldDecoders.forEvent(store.eventNames().get(t));
    }

    EventFields of(int event) {
        if (event == current) return fields;
        current = event;
        decoded++;
        if (store.payloadRenderer() != null) {
            // binary records: the shared path merges the record's own fields with the text decoder's
            fields = FieldDecoders.decode(store, event);
            return fields;
        }
        reused.clear();
        store.payload(event, payload);
        byType[store.type(event)].decode(payload.bytes, payload.start, payload.end, reused);
        fields = reused;
        return fields;
    }
}
