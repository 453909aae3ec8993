package dev.virtscope.bench;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.virtscope.bench.synthetic.SyntheticKvmTrace;
import dev.virtscope.decode.FieldDecoders;
import dev.virtscope.filter.EventQuery;
import dev.virtscope.store.EventStore;

/**
 * Events-tab filter cost on a synthetic kvm trace of millions of events: field expressions,
 * column tests and free text, per event. Baseline: decoding every event's fields through the
 * shared decoder (what a filter that decodes first and asks later would pay at least).
 */
public final class FilterBenchmark implements Benchmark {
    private static final long EXITS = 2_500_000;

    @Override
    public String id() {
        return "filter";
    }

    @Override
    public String description() {
        return "Events tab filters over a synthetic trace of " + EXITS / 1_000_000.0 + " M kvm exits (+ entries, msr, pio)";
    }

    @Override
    public void run(Path workDir, PrintStream out) throws Exception {
        EventStore s = new SyntheticKvmTrace(EXITS, 4, 7, true).buildStore();
        out.printf("events: %,d%n", s.size());
        String[] expressions = {
            "reason == \"EPT_VIOLATION\" && vcpu == 1",
            "event == \"kvm_exit\" && reason == \"EPT_VIOLATION\" && vcpu == 1",
            "cpu == 1 && event == \"kvm_msr\"",
            "comm =~ \"CPU [13]/KVM\"",
        };
        for (String e : expressions) {
            EventQuery q = EventQuery.ALL.withExpression(e);
            report(out, "expression " + e, s, () -> q.run(s, () -> false).length);
        }
        EventQuery text = EventQuery.ALL.withText("msr_write");
        report(out, "free text \"msr_write\"", s, () -> text.run(s, () -> false).length);
        report(out, "baseline: FieldDecoders.decode of every event", s, () -> {
            int n = 0;
            for (int i = 0; i < s.size(); i++) n += FieldDecoders.decode(s, i).size();
            return n;
        });
    }

    private interface Run {
        long run() throws Exception;
    }

    private static void report(PrintStream out, String what, EventStore s, Run r) throws Exception {
        long result = r.run(); // warm-up
        int rounds = 3;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) result = r.run();
        double ms = (System.nanoTime() - t0) / 1e6 / rounds;
        out.printf("%-70s %8.1f ms  %6.1f ns/event  (result %,d)%n", what, ms, ms * 1e6 / s.size(), result);
    }
}
