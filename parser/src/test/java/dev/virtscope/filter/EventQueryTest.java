package dev.virtscope.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/** The Events tab's combined filters on a real capture, against a regex reading of the same file. */
class EventQueryTest {
    private static final String SAMPLE = "captured/nested/nested-svm-inner-smp2-secs5.ftrace.txt.xz";

    @Test
    void typesTasksCpusTextAndExpressionCombine() throws Exception {
        EventStore s = TraceLoader.standard().load(Samples.path(SAMPLE)).events();
        List<SampleLines> lines = SampleLines.read(Samples.path(SAMPLE));

        EventQuery q = EventQuery.ALL.withTypes(Set.of("kvm_exit", "kvm_entry")).withCpus(Set.of(1));
        assertEquals(lines.stream().filter(l -> (l.event().equals("kvm_exit") || l.event().equals("kvm_entry")) && l.cpu() == 1).count(),
                q.run(s, () -> false).length);

        int tid = lines.stream().filter(l -> l.comm().equals("CPU 0/KVM")).findFirst().orElseThrow().tid();
        EventQuery byTask = EventQuery.ALL.withTids(Set.of(tid)).withText("NPF").withExpression("cpu == 0 || cpu == 1");
        long expected = lines.stream().filter(l -> l.tid() == tid && (l.commAtTime() + " " + l.event() + " " + l.payload())
                .toLowerCase(Locale.ROOT).contains("npf")).count();
        assertTrue(expected > 0);
        assertEquals(expected, byTask.run(s, () -> false).length);

        assertEquals(0, EventQuery.ALL.withTypes(Set.of()).run(s, () -> false).length, "an empty set keeps nothing");
        assertNull(EventQuery.ALL.run(s, () -> false), "no condition: every event, without an index array");
        assertNull(EventQuery.ALL.withText("kvm").run(s, () -> true), "cancelled");
    }

    @Test
    void textSearchIgnoresCaseAndLooksAtNamesCommsAndPayloads() throws Exception {
        EventStore s = TraceLoader.standard().load(Samples.path(SAMPLE)).events();
        List<SampleLines> lines = SampleLines.read(Samples.path(SAMPLE));
        for (String word : List.of("rcu", "Softirq", "cpu 1/kvm", "0x00000000fffffff0")) {
            String w = word.toLowerCase(Locale.ROOT);
            long n = lines.stream().filter(l -> l.commAtTime().toLowerCase(Locale.ROOT).contains(w)
                    || l.event().toLowerCase(Locale.ROOT).contains(w) || l.payload().toLowerCase(Locale.ROOT).contains(w)).count();
            assertTrue(n > 0, word);
            int[] got = EventQuery.ALL.withText(word).run(s, () -> false);
            assertEquals(n, got.length, word);
            for (int k = 1; k < got.length; k++) assertTrue(got[k - 1] < got[k], "ascending event numbers");
        }
        assertArrayEquals(new int[0], EventQuery.ALL.withText("no such text anywhere").run(s, () -> false));
    }
}
