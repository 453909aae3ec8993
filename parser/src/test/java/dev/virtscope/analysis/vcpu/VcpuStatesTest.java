package dev.virtscope.analysis.vcpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/**
 * vCPU thread states on the real nested SVM capture (vCPU threads 119 and 120), checked against a
 * plain regex state machine over the same text ({@link StateReference}).
 */
class VcpuStatesTest {
    private static final String DIR = "captured/nested/nested-svm-inner-smp2-secs5.";
    private static final Set<Integer> VCPU_TIDS = Set.of(119, 120);

    static List<String> lines(String sample) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new XZCompressorInputStream(Files.newInputStream(Samples.path(sample))), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) out.add(l);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftrace.txt.xz", "report.txt.xz"})
    void timePerStatePerVcpuMatchesAStateMachineOverTheText(String file) throws Exception {
        List<String> text = lines(DIR + file);
        StateReference ref = StateReference.of(text, VCPU_TIDS);
        EventStore s = TraceLoader.standard().load(Samples.path(DIR + file)).events();
        VcpuStates v = VcpuStates.of(s);

        assertEquals(2, v.threads());
        for (int tid : VCPU_TIDS) {
            int thread = v.threadOfTask(s.tasks().indexOf(tid));
            assertTrue(thread >= 0, "thread " + tid);
            assertEquals(ref.total(tid, "GUEST"), v.totalNs(thread, VcpuState.GUEST), "guest ns of " + tid);
            assertEquals(ref.total(tid, "HOST"), v.totalNs(thread, VcpuState.HOST_EXIT), "host ns of " + tid);
            assertEquals(ref.total(tid, "USERSPACE"), v.totalNs(thread, VcpuState.USERSPACE), "userspace ns of " + tid);
            assertEquals(ref.total(tid, "NOT_RUNNING"), v.totalNs(thread, VcpuState.NOT_RUNNING), "not running ns of " + tid);
            assertTrue(v.totalNs(thread, VcpuState.GUEST) > 0 && v.totalNs(thread, VcpuState.NOT_RUNNING) > 0);
        }
        // host time per exit reason, both threads together (reason names as the file prints them)
        for (int r : v.reasonsPresent()) {
            String name = v.exits().reasonNameOfId(r);
            long expected = 0;
            for (int tid : VCPU_TIDS) expected += ref.total(tid, "HOST " + name);
            assertEquals(expected, v.hostNsOfReason(r), "host ns of reason " + name);
        }
    }

    @Test
    void intervalsAreTheStateMachinesIntervalsOneForOne() throws Exception {
        List<String> text = lines(DIR + "ftrace.txt.xz");
        StateReference ref = StateReference.of(text, VCPU_TIDS);
        EventStore s = TraceLoader.standard().load(Samples.path(DIR + "ftrace.txt.xz")).events();
        VcpuStates v = VcpuStates.of(s);
        for (int tid : VCPU_TIDS) {
            int thread = v.threadOfTask(s.tasks().indexOf(tid));
            // the reference splits at every event of the thread; merge equal neighbours before comparing
            List<StateReference.Interval> want = merged(ref.intervals.stream().filter(i -> i.tid() == tid).toList());
            List<StateReference.Interval> got = new ArrayList<>();
            for (int i = v.from(thread); i < v.to(thread); i++) {
                String label = switch (v.state(i)) {
                    case VcpuState.GUEST -> "GUEST";
                    case VcpuState.HOST_EXIT -> "HOST " + v.reasonText(i);
                    case VcpuState.USERSPACE -> "USERSPACE";
                    default -> "NOT_RUNNING";
                };
                got.add(new StateReference.Interval(tid, v.start(i), v.end(i), label));
            }
            assertEquals(want, merged(got), "intervals of " + tid);
        }
    }

    private static List<StateReference.Interval> merged(List<StateReference.Interval> in) {
        List<StateReference.Interval> out = new ArrayList<>();
        for (StateReference.Interval i : in) {
            StateReference.Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.end() == i.start() && last.state().equals(i.state())) {
                out.set(out.size() - 1, new StateReference.Interval(i.tid(), last.start(), i.end(), i.state()));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void noIntervalSpansALostEventsMarker(@TempDir Path tmp) throws Exception {
        // the real text with one "CPU:0 [LOST 7 EVENTS]" line put before the 1000th kvm_entry of CPU 0/KVM
        List<String> text = lines(DIR + "ftrace.txt.xz");
        int entries = 0, at = -1;
        for (int i = 0; i < text.size() && at < 0; i++) {
            if (text.get(i).contains("CPU 0/KVM-119") && text.get(i).contains("[000]") && text.get(i).contains(" kvm_entry: ")
                    && ++entries == 1000) at = i;
        }
        List<String> cut = new ArrayList<>(text);
        cut.add(at, "CPU:0 [LOST 7 EVENTS]");
        Path f = tmp.resolve("nested-with-lost.txt");
        Files.write(f, cut);
        long marker = StateReference.tsOf(text.get(at));

        EventStore s = TraceLoader.standard().load(f).events();
        int m = java.util.stream.IntStream.range(0, s.lost().size())
                .filter(i -> s.lost().kind(i) == dev.virtscope.store.LostEvents.Kind.LOST).findFirst().orElseThrow();
        assertEquals(marker, s.lost().ts(m));
        VcpuStates v = VcpuStates.of(s);
        VcpuStates whole = VcpuStates.of(TraceLoader.standard().load(Samples.path(DIR + "ftrace.txt.xz")).events());
        int thread = v.threadOfTask(s.tasks().indexOf(119));
        for (int i = v.from(thread); i < v.to(thread); i++) {
            assertTrue(!(v.start(i) < marker && marker <= v.end(i)), "interval " + v.start(i) + "…" + v.end(i));
        }
        // only the exit that spans the marker is gone — its host and its userspace part — nothing else
        long exitTs = 0, uexitTs = 0;
        for (int i = at - 1; exitTs == 0; i--) {
            String l = text.get(i);
            if (!l.contains("CPU 0/KVM-119")) continue;
            if (l.contains(" kvm_userspace_exit: ")) uexitTs = StateReference.tsOf(l);
            if (l.contains(" kvm_exit: ")) exitTs = StateReference.tsOf(l);
        }
        long hostPart = (uexitTs > 0 ? uexitTs : marker) - exitTs, userPart = uexitTs > 0 ? marker - uexitTs : 0;
        int wt = whole.threadOfTask(whole.store().tasks().indexOf(119));
        assertEquals(whole.totalNs(wt, VcpuState.HOST_EXIT) - hostPart, v.totalNs(thread, VcpuState.HOST_EXIT));
        assertEquals(whole.totalNs(wt, VcpuState.USERSPACE) - userPart, v.totalNs(thread, VcpuState.USERSPACE));
        assertEquals(whole.totalNs(wt, VcpuState.GUEST), v.totalNs(thread, VcpuState.GUEST));
    }
}
