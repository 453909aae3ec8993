package dev.virtscope.format.tracedat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;

/**
 * Payload text equals the kernel's own trace text. The kvmsample trace.dat and the tracefs
 * {@code trace} text samples/generated/ftrace/trace-kvm-sched-6.18.txt.xz come from the same
 * kernel, tracefs instance and VM (SeaBIOS boot), recorded at different moments, so event-by-event
 * comparison is impossible; but the guest's port I/O, CPUID, FPU, IRQ and exit sequence is the
 * same in every boot. So every distinct payload the .dat gives for these events must appear
 * verbatim in the kernel's text. Exception: reads of port 0x71 (the CMOS RTC data port) return the
 * wall-clock time, which differs between the two boots.
 */
class TraceDatKernelTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"kvm_pio", "kvm_cpuid", "kvm_fpu", "kvm_set_irq", "kvm_userspace_exit"})
    void payloadsAppearInTheKernelsOwnText(String event) throws IOException {
        Map<String, Set<String>> kernel = kernelPayloads();
        Set<String> theirs = kernel.getOrDefault(event, Set.of());
        assertFalse(theirs.isEmpty(), "kernel text has " + event);
        EventStore s = TraceLoader.standard().load(Samples.path("generated/trace-cmd/kvmsample-v7-zstd.dat")).events();
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!s.eventName(i).equals(event)) continue;
            seen++;
            String p = s.payloadString(i);
            if (event.equals("kvm_pio") && p.startsWith("pio_read at 0x71 ")) continue;
            if (!theirs.contains(p)) missing.add(p);
        }
        assertTrue(seen > 0, "trace.dat has " + event);
        assertTrue(missing.isEmpty(), event + ": not printed so by the kernel: " + missing);
    }

    /** Event name → payloads, from the kernel's text: {@code … [cpu] flags  sec.usec: name: payload}. */
    private static Map<String, Set<String>> kernelPayloads() throws IOException {
        Map<String, Set<String>> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new TraceSource(Samples.path("generated/ftrace/trace-kvm-sched-6.18.txt.xz")).open(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                int cpu = line.indexOf("] ");
                if (cpu < 0) continue;
                int colon = line.indexOf(": ", cpu);
                if (colon < 0) continue;
                int nameEnd = line.indexOf(": ", colon + 2);
                if (nameEnd < 0) continue;
                String name = line.substring(colon + 2, nameEnd);
                m.computeIfAbsent(name, k -> new TreeSet<>()).add(line.substring(nameEnd + 2));
            }
        }
        return m;
    }
}
