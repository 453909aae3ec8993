package dev.virtscope.cli;

import static dev.virtscope.decode.kvm.RealKvmLines.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.virtscope.decode.kvm.KvmLineStore;

/**
 * A kernel-trace text file whose kvm_exit/kvm_entry payloads are the real published ones
 * (RealKvmLines), with threads, CPUs and times chosen here; plus the plain pairing of those lines that
 * the tests compare the commands with.
 */
final class KvmTraceText {
    static final String[] EXITS = {KvmLineStore.payloadOf(EXIT_510_LOCAL_TIMER), KvmLineStore.payloadOf(PERF_EXIT_MSR_WRITE),
            FROM_FORMAT_EXIT_618_PAYLOAD, KvmLineStore.payloadOf(EXIT_510_IRQ_WORK)};
    static final String ENTRY = KvmLineStore.payloadOf(PERF_ENTRY);

    final List<String> lines = new ArrayList<>();
    /** reason → durations (ns) of the exits, paired the plain way */
    final Map<String, List<Long>> byReason = new HashMap<>();

    static KvmTraceText make(long seed, int exitsPerVcpu) {
        KvmTraceText t = new KvmTraceText();
        Random r = new Random(seed);
        List<long[]> ev = new ArrayList<>(); // ts, vcpu, kind(0 exit,1 entry), payload idx
        for (int v = 0; v < 2; v++) {
            long ts = 5_000_000_000L + v * 3_000;
            for (int i = 0; i < exitsPerVcpu; i++) {
                int p = r.nextInt(EXITS.length);
                ev.add(new long[]{ts, v, 0, p});
                long d = 1000L * (1 + r.nextInt(p == 2 ? 3000 : 40));
                ts += d;
                ev.add(new long[]{ts, v, 1, p});
                String reason = EXITS[p].substring(EXITS[p].indexOf("reason ") + 7, EXITS[p].indexOf(" rip"));
                t.byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(d);
                ts += 1000L * (1 + r.nextInt(100));
            }
        }
        ev.sort((a, b) -> Long.compare(a[0], b[0]));
        t.lines.add("# tracer: nop");
        for (long[] e : ev) {
            int v = (int) e[1];
            String payload = e[2] == 0 ? EXITS[(int) e[3]].replaceFirst("^vcpu \\d+", "vcpu " + v) : ENTRY.replace("vcpu 0", "vcpu " + v);
            t.lines.add(String.format("%16s-%-7d [%03d] d..1. %6d.%06d: %s: %s", "CPU " + v + "/KVM", 4432 + v, v,
                    e[0] / 1_000_000_000L, e[0] / 1000 % 1_000_000, e[2] == 0 ? "kvm_exit" : "kvm_entry", payload));
        }
        return t;
    }

    Path write(Path dir) throws IOException {
        Path f = dir.resolve("kvm-trace.txt");
        Files.write(f, lines);
        return f;
    }

    long total() {
        return byReason.values().stream().mapToLong(List::size).sum();
    }
}
