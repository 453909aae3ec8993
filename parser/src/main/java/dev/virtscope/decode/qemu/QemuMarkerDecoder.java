package dev.virtscope.decode.qemu;

import java.nio.charset.StandardCharsets;

import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoder;
import dev.virtscope.decode.FieldDecoders;

/**
 * QEMU events written by its "ftrace" trace backend into trace_marker, which the kernel shows
 * as {@code tracing_mark_write: pckbd_kbd_update_irq kbd=0 aux=1} and trace-cmd report as a
 * {@code print} event. The payload is read as a nested QEMU event: a field {@code qemu_event}
 * with its name, then the event's own fields (decoded with its trace-events format when a QEMU
 * load registered one, else {@code key=value} / whole text).
 */
public final class QemuMarkerDecoder implements FieldDecoder {
    public static final QemuMarkerDecoder INSTANCE = new QemuMarkerDecoder();
    /** Kernel event names that carry trace_marker text. */
    public static final String[] MARKER_EVENTS = {"tracing_mark_write", "print"};

    private static final QemuFieldDecoder UNKNOWN = new QemuFieldDecoder(null, null);

    /** Registers this decoder for the marker events unless another decoder already has them. */
    public static void registerForMarkers() {
        for (String n : MARKER_EVENTS) if (FieldDecoders.registered(n) == null) FieldDecoders.register(n, INSTANCE);
    }

    /** Start of the QEMU event name in a marker payload (after an optional {@code symbol: } prefix), or -1. */
    public static int nameStart(byte[] b, int s, int e) {
        int i = s;
        while (i < e && b[i] != ' ' && b[i] != ':') i++;
        if (i + 1 < e && b[i] == ':' && b[i + 1] == ' ') s = i + 2; // "tracing_mark_write: " or "ffffffff81234567: "
        return nameEnd(b, s, e) > 0 ? s : -1;
    }

    /** End of a QEMU-like event name (snake_case word followed by space or end) starting at s, or -1. */
    public static int nameEnd(byte[] b, int s, int e) {
        int i = s;
        boolean underscore = false;
        while (i < e && (Character.isLetterOrDigit(b[i]) || b[i] == '_')) underscore |= b[i++] == '_';
        if (i == s || !underscore || (i < e && b[i] != ' ')) return -1;
        return i;
    }

    @Override
    public void decode(byte[] b, int s, int e, EventFields out) {
        while (e > s && (b[e - 1] == '\n' || b[e - 1] == ' ')) e--;
        int ns = nameStart(b, s, e);
        if (ns < 0) {
            out.add("text", new String(b, s, e - s, StandardCharsets.UTF_8));
            return;
        }
        int ne = nameEnd(b, ns, e);
        String name = new String(b, ns, ne - ns, StandardCharsets.US_ASCII);
        EventFields inner = new EventFields();
        FieldDecoder d = FieldDecoders.registered(name);
        (d instanceof QemuFieldDecoder q ? q : UNKNOWN).decode(b, Math.min(ne + 1, e), e, inner);
        out.add("qemu_event", name);
        for (EventFields.Field f : inner.all()) out.add(f.name(), f.text(), f.number());
    }
}
