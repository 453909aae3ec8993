package dev.virtscope.analysis.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.BitSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.virtscope.format.TraceLoader;
import dev.virtscope.stack.StackStore;
import dev.virtscope.stack.flame.FlameBuilder;
import dev.virtscope.stack.flame.FlameTree;
import dev.virtscope.store.Trace;

/**
 * "Only samples taken while the vCPU was in an exit of reason R", on kvm tracepoints that carry
 * callchains (real lines, see {@link KvmCallchainText}): counts against intervals read from the text.
 */
class ExitSamplesTest {
    static KvmCallchainText text;
    static Trace trace;
    static ExitSamples scope;

    @BeforeAll
    static void load(@TempDir Path tmp) throws Exception {
        text = new KvmCallchainText();
        trace = TraceLoader.standard().load(text.write(tmp));
        scope = new ExitSamples(KvmExits.of(trace.events()));
    }

    @Test
    void everyTracepointIsBothAnEventAndAStackSample() {
        assertEquals(text.lines.size(), trace.events().size());
        assertEquals(text.lines.size(), trace.stacks().sampleCount());
    }

    @Test
    void samplesInsideExitsOfEachReasonMatchTheIntervalsOfTheText() {
        StackStore st = trace.stacks();
        KvmExits k = scope.exits();
        long sum = 0;
        for (String reason : new String[] {"io", "npf", "interrupt", "cpuid", "msr"}) {
            int id = k.reasonIdOf(reason);
            assertTrue(id >= 0, reason);
            long expected = text.samplesInExits(reason);
            assertEquals(expected, scope.inExits(st, id).cardinality(), reason);
            sum += expected;
        }
        assertTrue(text.samplesInExits("io") > 1000, "kvm_pio and kvm_userspace_exit happen inside io exits");
        assertEquals(text.samplesInExits(null), scope.inExits(st, -1).cardinality());
        assertTrue(sum <= text.samplesInExits(null));
    }

    @Test
    void theFlameGraphOfOneReasonCountsExactlyThoseSamples() {
        StackStore st = trace.stacks();
        BitSet io = scope.inExits(st, scope.exits().reasonIdOf("io"));
        FlameTree t = new FlameBuilder().only(io).build(st);
        double w = 0;
        for (int i = io.nextSetBit(0); i >= 0; i = io.nextSetBit(i + 1)) w += st.weight(i);
        assertEquals(w, t.total(0), 1e-6);
        assertEquals(text.samplesInExits("io"), io.cardinality());
    }
}
