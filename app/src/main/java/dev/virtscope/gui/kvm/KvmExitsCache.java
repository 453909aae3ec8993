package dev.virtscope.gui.kvm;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.store.EventStore;

/**
 * The exit pairing of the trace last analysed, shared by the Latency and KVM stats tabs so that a trace
 * is paired once however many tabs look at it. The window shows one trace at a time, so one entry is
 * enough; it is replaced (and the old trace released) when the next trace is analysed. Called from
 * background tasks: a second caller for the same trace waits for the first instead of pairing again.
 */
public final class KvmExitsCache {
    private static EventStore store;
    private static KvmExits exits;

    private KvmExitsCache() {
    }

    public static synchronized KvmExits of(EventStore s) {
        if (s != store) {
            exits = null;
            store = null;
            exits = KvmExits.of(s);
            store = s;
        }
        return exits;
    }
}
