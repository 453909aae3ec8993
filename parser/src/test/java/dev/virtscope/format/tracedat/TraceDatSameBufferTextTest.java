package dev.virtscope.format.tracedat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;

/**
 * One tracefs instance, stopped, read twice: {@code cat trace} (the kernel's own text) and
 * {@code trace-cmd extract} (the .dat). Every event of the .dat must print exactly as the kernel
 * printed it: kvm_pio/mmio/msr/userspace_exit/cpuid/set_irq, sched_switch/wakeup/waking, irq and
 * softirq, timer and hrtimer events. The one thing that cannot match: the kernel hashes plain
 * {@code %p} values (trace option hash-ptr), so 16-hex-digit values after "=" are compared masked.
 */
class TraceDatSameBufferTextTest {
    private static final Pattern LINE = Pattern.compile("-(\\d+)\\s+\\[(\\d+)\\]\\s+\\S+\\s+(\\d+)\\.(\\d{6}): ([\\w]+): ?(.*)$");
    private static final Pattern HASHED = Pattern.compile("=[0-9a-f]{16}\\b");

    @Test
    void everyPayloadIsTheKernelsText() throws IOException {
        EventStore s = TraceLoader.standard().load(Samples.path("generated/trace-cmd/kvm-sched-irq-timer-v7-zstd.dat")).events();
        List<String> kernel = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new TraceSource(Samples.path("generated/trace-cmd/kvm-sched-irq-timer.trace.txt.xz")).open(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                Matcher m = LINE.matcher(line);
                if (!m.find()) continue;
                long us = Long.parseLong(m.group(3)) * 1_000_000L + Long.parseLong(m.group(4));
                names.add(m.group(5));
                kernel.add(key(us, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), m.group(5), m.group(6)));
            }
        }
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < s.size(); i++)
            // the kernel prints µs rounded to nearest (ns2usecs adds 500)
            ours.add(key((s.ts(i) + 500) / 1000, s.cpu(i), s.tid(i), s.eventName(i), s.payloadString(i)));
        assertTrue(names.containsAll(List.of("kvm_pio", "kvm_mmio", "kvm_msr", "kvm_userspace_exit", "sched_switch",
                "sched_wakeup", "irq_handler_entry", "softirq_entry", "hrtimer_start", "timer_start")), "sample covers " + names);
        assertEquals(kernel.size(), ours.size(), "event count");
        Collections.sort(kernel);
        Collections.sort(ours);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < kernel.size(); i++)
            if (!kernel.get(i).equals(ours.get(i))) wrong.add("kernel " + kernel.get(i) + "\n   ours " + ours.get(i));
        assertTrue(wrong.isEmpty(), wrong.size() + " events differ; first: " + wrong.subList(0, Math.min(6, wrong.size())));
    }

    private static String key(long us, int cpu, int pid, String name, String payload) {
        return String.format("%016d %4d %7d %s: %s", us, cpu, pid, name, HASHED.matcher(payload).replaceAll("=<hashed>"));
    }
}
