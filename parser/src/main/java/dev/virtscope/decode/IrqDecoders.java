package dev.virtscope.decode;

/**
 * Hard and soft interrupt events. irq_handler_entry {@code irq=28 name=radeon} and irq_handler_exit
 * {@code irq=28 ret=handled} are plain pairs; softirq_entry/exit/raise print {@code vec=1 [action=TIMER]},
 * decoded to {@code vec} (number) and {@code action}.
 */
public final class IrqDecoders {
    private IrqDecoders() {
    }

    static void registerAll() {
        FieldDecoders.register("irq_handler_entry", KeyValueDecoder.INSTANCE);
        FieldDecoders.register("irq_handler_exit", KeyValueDecoder.INSTANCE);
        for (String e : new String[] {"softirq_entry", "softirq_exit", "softirq_raise"}) FieldDecoders.register(e, IrqDecoders::softirq);
    }

    public static void softirq(byte[] b, int s, int e, EventFields out) {
        if (!ByteText.startsWith(b, s, e, "vec=")) {
            KeyValueDecoder.INSTANCE.decode(b, s, e, out);
            return;
        }
        int v = s + 4, ve = v;
        while (ve < e && ByteText.isDigit(b[ve])) ve++;
        KeyValueDecoder.add(out, "vec", b, v, ve);
        int a = ByteText.indexOf(b, ve, e, "[action=");
        if (a >= 0) {
            int close = ByteText.indexOf(b, a, e, (byte) ']');
            out.add("action", KeyValueDecoder.str(b, a + 8, close < 0 ? e : close));
        }
    }
}
