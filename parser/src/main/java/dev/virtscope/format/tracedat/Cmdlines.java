package dev.virtscope.format.tracedat;

import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.IntIntMap;

/** The saved_cmdlines block ({@code PID COMM} lines): the comm of every pid the kernel remembered. */
final class Cmdlines {
    private Cmdlines() {
    }

    /** pid → comm id in {@code ev.comms}; pid 0 is {@code <idle>} as trace-cmd shows it. */
    static IntIntMap parse(String text, EventStoreBuilder ev) {
        IntIntMap m = new IntIntMap(-1);
        int i = 0;
        int len = text.length();
        while (i < len) {
            int nl = text.indexOf('\n', i);
            if (nl < 0) nl = len;
            int sp = text.indexOf(' ', i);
            if (sp > i && sp < nl) {
                try {
                    int pid = Integer.parseInt(text.substring(i, sp));
                    String comm = text.substring(sp + 1, nl);
                    if (!comm.isEmpty()) m.put(pid, ev.comms.intern(comm));
                } catch (NumberFormatException ignored) {
                    // not a cmdline entry
                }
            }
            i = nl + 1;
        }
        if (m.get(0) < 0) m.put(0, ev.comms.intern("<idle>"));
        return m;
    }
}
