package dev.virtscope.format.qemu;

import dev.virtscope.decode.FieldDecoder;
import dev.virtscope.decode.FieldDecoders;
import dev.virtscope.decode.qemu.QemuFieldDecoder;
import dev.virtscope.store.EventStoreBuilder;

/**
 * Registers a {@link QemuFieldDecoder} for every QEMU event name a load produced. A decoder
 * registered for the name by another area (a kernel event of the same name) is left alone; one
 * without a trace-events definition is upgraded when a later load knows the definition.
 */
public final class QemuDecoders {
    private QemuDecoders() {
    }

    public static void registerFor(EventStoreBuilder b, TraceEventCatalog catalog) {
        for (int t = 0; t < b.eventNames.size(); t++) register(b.eventNames.get(t), catalog);
    }

    static synchronized void register(String name, TraceEventCatalog catalog) {
        FieldDecoder old = FieldDecoders.registered(name);
        TraceEventDef d = catalog == null ? null : catalog.byName(name);
        if (old == null || (old instanceof QemuFieldDecoder q && !q.hasDefinition() && d != null)) {
            FieldDecoders.register(name, d == null ? new QemuFieldDecoder(null, null) : new QemuFieldDecoder(d.argNames(), d.fmt()));
        }
    }
}
