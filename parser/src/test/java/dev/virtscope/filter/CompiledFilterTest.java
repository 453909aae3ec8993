package dev.virtscope.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/**
 * Filter expressions on a real nested-SVM capture (two vCPUs, kvm_exit reason npf/io/…): each
 * count is computed by a regular expression over the file's lines, never by the filter itself.
 */
class CompiledFilterTest {
    private static final String SAMPLE = "captured/nested/nested-svm-inner-smp2-secs5.ftrace.txt.xz";
    private static final Pattern EXIT = Pattern.compile("vcpu (\\d+) reason (\\S+) rip 0x([0-9a-f]+) .*");
    private static EventStore store;
    private static List<SampleLines> lines;

    @BeforeAll
    static void load() throws IOException {
        store = TraceLoader.standard().load(Samples.path(SAMPLE)).events();
        lines = SampleLines.read(Samples.path(SAMPLE));
        assertEquals(lines.size(), store.size(), "every event line is an event");
    }

    private static int count(String expression) throws FilterSyntaxException {
        return CompiledFilter.compile(expression, store).matching(store).length;
    }

    private static long expected(Predicate<SampleLines> p) {
        return lines.stream().filter(p).count();
    }

    private static Matcher exit(SampleLines l) {
        Matcher m = EXIT.matcher(l.payload());
        return l.event().equals("kvm_exit") && m.matches() ? m : null;
    }

    @Test
    void reasonAndVcpuOfKvmExits() throws Exception {
        for (int vcpu = 0; vcpu <= 1; vcpu++) {
            for (String reason : List.of("npf", "msr")) {
                String v = Integer.toString(vcpu);
                long n = expected(l -> exit(l) != null && exit(l).group(2).equals(reason) && exit(l).group(1).equals(v));
                assertEquals(n, count("reason == \"" + reason + "\" && vcpu == " + v), reason + " on vCPU " + v);
                assertEquals(n, count("event == \"kvm_exit\" && " + v + " == vcpu && reason =~ \"^" + reason + "$\""));
            }
        }
        // this capture's nested guest took its nested page faults on vCPU 0 only
        assertEquals(0, count("reason == \"npf\" && vcpu == 1"));
        assertTrue(count("reason == \"npf\" && vcpu == 0") > 0 && count("reason == \"msr\" && vcpu == 1") > 0);
        long notNpfNorIo = expected(l -> exit(l) != null && !exit(l).group(2).equals("npf") && !exit(l).group(2).equals("io"));
        assertEquals(notNpfNorIo, count("event == \"kvm_exit\" && !(reason == \"npf\" || reason == \"io\")"));
    }

    @Test
    void hexNumbersCompareWithDecodedRip() throws Exception {
        long low = expected(l -> exit(l) != null && Long.parseUnsignedLong(exit(l).group(3), 16) < 0x10000);
        assertTrue(low > 0);
        assertEquals(low, count("event == \"kvm_exit\" && rip < 0x10000"));
        assertEquals(low, count("rip < 65536 && event == \"kvm_exit\""), "decimal and hex are the same number");
    }

    @Test
    void commRegexMatchesVcpuThreads() throws Exception {
        Pattern vcpu = Pattern.compile("CPU .*/KVM");
        long n = expected(l -> vcpu.matcher(l.commAtTime()).find());
        assertTrue(n > 0);
        assertEquals(n, count("comm =~ \"CPU .*/KVM\""));
        assertEquals(expected(l -> l.commAtTime().equals("CPU 1/KVM")), count("comm == \"CPU 1/KVM\""));
    }

    @Test
    void builtInColumnsCpuTidAndTimeInSeconds() throws Exception {
        double from = lines.get(lines.size() / 3).seconds(), to = lines.get(2 * lines.size() / 3).seconds();
        long n = expected(l -> l.cpu() == 1 && l.seconds() >= from && l.seconds() < to);
        assertTrue(n > 0);
        assertEquals(n, count("cpu == 1 && time >= " + String.format(java.util.Locale.ROOT, "%.6f", from)
                + " && time < " + String.format(java.util.Locale.ROOT, "%.6f", to)));
        int tid = lines.get(lines.size() / 2).tid();
        assertEquals(expected(l -> l.tid() == tid || l.cpu() != 0), count("tid == " + tid + " || cpu != 0"));
        assertEquals(expected(l -> l.tid() > 100 && l.tid() <= 200), count("tid > 100 && tid <= 200"));
    }

    @Test
    void schedSwitchFieldsTextAndPresence() throws Exception {
        Pattern sw = Pattern.compile("prev_comm=.* prev_pid=(\\d+) .* prev_state=(\\S+) ==> next_comm=(.*) next_pid=(\\d+) .*");
        long running = expected(l -> l.event().equals("sched_switch") && sw.matcher(l.payload()).matches()
                && matcher(sw, l).group(2).equals("R"));
        assertEquals(running, count("prev_state == \"R\""));
        long toIdle = expected(l -> l.event().equals("sched_switch") && matcher(sw, l).group(4).equals("0"));
        assertEquals(toIdle, count("event == \"sched_switch\" && next_pid == 0"));
        // a field alone: the events that have it (sched_switch and nothing else here prints prev_state)
        assertEquals(expected(l -> l.payload().contains("prev_state=")), count("prev_state"));
        // two per-event values compared with each other: a switch away from the event's own task
        long fromSelf = expected(l -> l.event().equals("sched_switch") && Integer.parseInt(matcher(sw, l).group(1)) == l.tid());
        assertEquals(fromSelf, count("prev_pid == tid"));
    }

    @Test
    void fieldsAreDecodedOnlyForEventsTheCheapTestsLetThrough() throws Exception {
        CompiledFilter f = CompiledFilter.compile("next_pid == 0 && event == \"sched_switch\"", store);
        f.matching(store);
        assertEquals(expected(l -> l.event().equals("sched_switch")), f.decodedEvents(), "the event test runs first");
        CompiledFilter noFields = CompiledFilter.compile("cpu == 0 || comm =~ \"KVM\"", store);
        noFields.matching(store);
        assertEquals(0, noFields.decodedEvents());
    }

    private static Matcher matcher(Pattern p, SampleLines l) {
        Matcher m = p.matcher(l.payload());
        return m.matches() ? m : p.matcher("");
    }
}
