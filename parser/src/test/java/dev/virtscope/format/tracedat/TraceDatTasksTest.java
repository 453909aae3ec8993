package dev.virtscope.format.tracedat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.TaskTable;

/**
 * Every task the kernel names in the same buffer's text is a task of the store with that comm:
 * event owners, and tasks named only in sched_switch/sched_wakeup payloads (learned from the
 * record fields, since saved cmdlines do not list them). QEMU's vCPU threads ({@code CPU n/KVM})
 * are vCPU n.
 */
class TraceDatTasksTest {
    private static final Pattern OWNER = Pattern.compile("^\\s*(.+?)-(\\d+)\\s+\\[\\d+\\]");
    private static final Pattern NAMED = Pattern.compile("(?:prev_|next_)?comm=(.+?) (?:prev_|next_)?pid=(\\d+)");

    @Test
    void tasksNamedByTheKernelAreKnown() throws IOException {
        EventStore s = TraceLoader.standard().load(Samples.path("generated/trace-cmd/kvm-sched-irq-timer-v7-zstd.dat")).events();
        TaskTable t = s.tasks();
        List<String> wrong = new ArrayList<>();
        java.util.Set<Integer> owners = new java.util.HashSet<>();
        List<Object[]> named = new ArrayList<>();
        int checked = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new TraceSource(Samples.path("generated/trace-cmd/kvm-sched-irq-timer.trace.txt.xz")).open(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                Matcher o = OWNER.matcher(line);
                if (o.find()) {
                    check(t, Integer.parseInt(o.group(2)), o.group(1), wrong);
                    owners.add(Integer.parseInt(o.group(2)));
                    checked++;
                }
                Matcher n = NAMED.matcher(line);
                while (n.find()) named.add(new Object[]{Integer.parseInt(n.group(2)), n.group(1)});
            }
        }
        // a task named only inside payloads (it never ran an event here) gets that name; pid 0 is
        // "swapper/N" in payloads but "<idle>" as an owner, and a payload names a task's comm at
        // that moment, which exec may have changed since, so owners are checked above instead
        for (Object[] x : named) {
            int pid = (Integer) x[0];
            if (pid == 0 || owners.contains(pid)) continue;
            check(t, pid, (String) x[1], wrong);
            checked++;
        }
        assertTrue(checked > 20_000, "names checked: " + checked);
        assertTrue(wrong.isEmpty(), wrong.size() + " tasks differ, e.g. " + wrong.subList(0, Math.min(5, wrong.size())));
        int vcpus = 0;
        for (int i = 0; i < t.size(); i++) {
            String c = t.comm(i);
            if (c.matches("CPU \\d+/KVM")) {
                assertTrue(t.vcpu(i) == Integer.parseInt(c.substring(4, c.indexOf('/'))), c + " is that vCPU");
                vcpus++;
            }
        }
        assertTrue(vcpus == 2, "two vCPU threads (-smp 2), found " + vcpus);
    }

    private static void check(TaskTable t, int pid, String comm, List<String> wrong) {
        int i = t.indexOf(pid);
        if (i < 0) {
            wrong.add(pid + " missing (" + comm + ")");
            return;
        }
        // the kernel's comm may have changed during the trace (exec): any comm the task had counts
        boolean known = t.comm(i).equals(comm);
        for (int k = 0; !known && k < t.commHistorySize(i); k++) known = historyHas(t, i, comm);
        if (!known) wrong.add(pid + " is " + t.comm(i) + ", kernel says " + comm);
    }

    private static boolean historyHas(TaskTable t, int i, String comm) {
        // probe the history through commAt at both ends of time
        return t.commAt(i, Long.MIN_VALUE).equals(comm) || t.commAt(i, Long.MAX_VALUE).equals(comm);
    }
}
