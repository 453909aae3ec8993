package dev.virtscope.format.tracedat;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/**
 * The print fmts that matter for KVM work, as a real 6.18 kernel wrote them into the file (every
 * event format of the kernel is embedded, recorded or not), are evaluated by the print fmt
 * evaluator rather than falling back to field=value. kvm_exit and kvm_entry never fire on the
 * recording host (its KVM backend does not call those tracepoints), so this is where their
 * formats — __print_symbolic over VMX and SVM tables, (VMX) flag ternaries — are exercised.
 */
class TraceDatPrintFmtCoverageTest {
    private static TraceDatRecords records;

    private static synchronized TraceDatRecords records() throws IOException {
        if (records == null) {
            EventStore s = TraceLoader.standard().load(Samples.path("generated/trace-cmd/kvm-sched-irq-timer-v7-zstd.dat")).events();
            records = (TraceDatRecords) s.payloadRenderer();
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(strings = {"kvm_exit", "kvm_entry", "kvm_mmio", "kvm_msr", "kvm_pio", "kvm_userspace_exit",
            "kvm_inj_virq", "kvm_apic_accept_irq", "kvm_nested_vmexit", "sched_switch", "sched_wakeup",
            "sched_waking", "sched_migrate_task", "irq_handler_entry", "irq_handler_exit", "softirq_entry",
            "hrtimer_start", "hrtimer_expire_entry", "timer_start", "timer_expire_entry", "local_timer_entry"})
    void printFmtIsEvaluated(String event) throws IOException {
        TraceDatRecords rec = records();
        EventFormat f = rec.formats().stream().filter(x -> x.name.equals(event)).findFirst().orElse(null);
        assertNotNull(f, event + " format is embedded");
        assertTrue(rec.evaluates(f), event + ": print fmt not evaluated: " + f.printFmt);
    }
}
