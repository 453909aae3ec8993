package dev.virtscope.analysis.latency;

import static dev.virtscope.decode.kvm.RealKvmLines.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import dev.virtscope.decode.kvm.KvmLineStore;
import dev.virtscope.store.EventStore;

class EventPairingTest {
    private static final String EXIT = KvmLineStore.payloadOf(EXIT_510_LOCAL_TIMER);
    private static final String ENTRY = KvmLineStore.payloadOf(PERF_ENTRY);

    private static EventStore store() {
        // two threads on two CPUs; thread 11 moves from CPU 0 to CPU 1 between exit and entry
        return new KvmLineStore()
                .add(1_000, 0, 11, "kvm_exit", EXIT)
                .add(1_500, 1, 12, "kvm_exit", EXIT.replace("vcpu 0", "vcpu 1"))
                .add(2_000, 1, 12, "kvm_entry", ENTRY.replace("vcpu 0", "vcpu 1"))
                .add(4_000, 1, 11, "kvm_entry", ENTRY)
                .add(5_000, 1, 12, "kvm_exit", EXIT.replace("vcpu 0", "vcpu 1"))
                .build();
    }

    @Test
    void pairsByTid() {
        EventPairing.Pairs p = EventPairing.pair(store(), "kvm_exit:kvm_entry:tid");
        assertEquals(2, p.size);
        assertEquals(500, p.durationNs[0]);  // thread 12
        assertEquals(3_000, p.durationNs[1]); // thread 11, across CPUs
        assertEquals(1, p.unpairedStarts);
    }

    @Test
    void pairsByCpu() {
        EventPairing.Pairs p = EventPairing.pair(store(), "kvm_exit:kvm_entry:cpu");
        assertEquals(1, p.size, "CPU 1: exit at 1.5 µs, entry at 2 µs; the entry at 4 µs has no exit on CPU 1");
        assertEquals(500, p.durationNs[0]);
        assertEquals(1, p.unmatchedEnds);
    }

    @Test
    void pairsByPayloadField() {
        EventPairing.Pairs p = EventPairing.pair(store(), "kvm_exit:kvm_entry:vcpu");
        assertEquals(2, p.size);
        assertEquals(3_000 + 500, p.durationNs[0] + p.durationNs[1]);
    }

    @Test
    void lostMarkerBreaksThePair() {
        EventStore s = new KvmLineStore()
                .add(1_000, 0, 11, "kvm_exit", EXIT)
                .lost(1_800, 0, 5)
                .add(2_000, 0, 11, "kvm_entry", ENTRY)
                .build();
        EventPairing.Pairs p = EventPairing.pair(s, "kvm_exit:kvm_entry:tid");
        assertEquals(0, p.size);
        assertEquals(1, p.brokenByLost);
    }
}
