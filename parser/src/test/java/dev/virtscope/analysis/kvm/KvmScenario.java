package dev.virtscope.analysis.kvm;

import static dev.virtscope.decode.kvm.RealKvmLines.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.virtscope.decode.kvm.KvmLineStore;

/**
 * Test scenarios written as kernel trace lines: the payloads are the real ones of RealKvmLines, the
 * tasks, CPUs and times are chosen by the scenario. The same lines feed the store and the tests'
 * reference computations.
 */
final class KvmScenario {
    static final String[] EXIT_PAYLOADS = {
            KvmLineStore.payloadOf(EXIT_510_LOCAL_TIMER),
            KvmLineStore.payloadOf(EXIT_510_IRQ_WORK),
            KvmLineStore.payloadOf(PERF_EXIT_MSR_WRITE),
            FROM_FORMAT_EXIT_618_PAYLOAD,          // HLT
            FROM_FORMAT_EXIT_59_PAYLOAD,           // EPT_VIOLATION, old form
    };
    static final String ENTRY_PAYLOAD = KvmLineStore.payloadOf(PERF_ENTRY);

    final List<String> lines = new ArrayList<>();

    static String line(int vcpu, int tid, int cpu, long tsNs, String event, String payload) {
        return String.format("%16s-%-7d [%03d] d..1. %6d.%06d: %s: %s", "CPU " + vcpu + "/KVM", tid, cpu,
                tsNs / 1_000_000_000L, tsNs / 1000 % 1_000_000, event, payload);
    }

    KvmScenario add(int vcpu, int tid, int cpu, long tsNs, String event, String payload) {
        lines.add(line(vcpu, tid, cpu, tsNs, event, payload));
        return this;
    }

    KvmScenario lost(int cpu, long n) {
        lines.add("CPU:" + cpu + " [LOST " + n + " EVENTS]");
        return this;
    }

    KvmLineStore store() {
        KvmLineStore s = new KvmLineStore();
        for (String l : lines) s.add(l);
        return s;
    }

    /**
     * Random but reproducible: nVcpu threads, each alternating guest time and exits with the real
     * payloads, some exits doing a port access and a trip to userspace, some migrating CPU between exit
     * and entry, and (optionally) lost-event markers. Lines are emitted in time order (µs resolution,
     * as the kernel prints them).
     */
    static KvmScenario random(long seed, int nVcpu, int exitsPerVcpu, boolean withLost) {
        Random r = new Random(seed);
        KvmScenario sc = new KvmScenario();
        long[] t = new long[nVcpu];
        int[] cpu = new int[nVcpu];
        int[] left = new int[nVcpu];
        boolean[] inGuest = new boolean[nVcpu];
        for (int v = 0; v < nVcpu; v++) {
            t[v] = 1_000_000_000L + r.nextInt(1000) * 1000L;
            cpu[v] = v;
            left[v] = exitsPerVcpu;
            inGuest[v] = r.nextBoolean();
        }
        while (true) {
            int v = -1;
            for (int k = 0; k < nVcpu; k++) if ((left[k] > 0 || !inGuest[k]) && (v < 0 || t[k] < t[v])) v = k;
            if (v < 0) break;
            int tid = 4000 + v;
            if (withLost && r.nextInt(40) == 0) sc.lost(cpu[v], 1 + r.nextInt(50));
            if (inGuest[v]) {
                // the payload's own vcpu number is made to agree with the thread's
                String p = EXIT_PAYLOADS[r.nextInt(EXIT_PAYLOADS.length)].replaceFirst("^vcpu \\d+", "vcpu " + v);
                sc.add(v, tid, cpu[v], t[v], "kvm_exit", p);
                left[v]--;
                inGuest[v] = false;
                boolean hlt = p.contains("reason HLT");
                long host = hlt ? 1000L * (1 + r.nextInt(3000)) : 1000L * (1 + (long) Math.abs(r.nextGaussian() * 20));
                if (r.nextInt(10) == 0) host += 1_500_000; // an outlier
                if (r.nextInt(6) == 0) {
                    t[v] += 1000;
                    sc.add(v, tid, cpu[v], t[v], "kvm_pio", r.nextBoolean() ? KvmLineStore.payloadOf(PIO_WRITE_RTC) : KvmLineStore.payloadOf(PIO_READ_RTC));
                    t[v] += 1000;
                    sc.add(v, tid, cpu[v], t[v], "kvm_userspace_exit", KvmLineStore.payloadOf(USERSPACE_EXIT_IO));
                }
                if (r.nextInt(8) == 0) cpu[v] = (cpu[v] + 1) % (nVcpu + 1); // migrates while in the host
                t[v] += host;
            } else {
                sc.add(v, tid, cpu[v], t[v], "kvm_entry", ENTRY_PAYLOAD.replace("vcpu 0", "vcpu " + v));
                inGuest[v] = true;
                t[v] += 1000L * (1 + r.nextInt(200));
            }
        }
        // merge by time: the per-vCPU streams were emitted in time order only per vCPU
        List<String[]> keyed = new ArrayList<>();
        String pendingLost = null;
        for (String l : sc.lines) {
            if (l.startsWith("CPU:")) {
                pendingLost = l;
                continue;
            }
            keyed.add(new String[]{l, pendingLost});
            pendingLost = null;
        }
        keyed.sort((a, b) -> Long.compare(Reference.tsOf(a[0]), Reference.tsOf(b[0])));
        sc.lines.clear();
        for (String[] k : keyed) {
            if (k[1] != null) sc.lines.add(k[1]);
            sc.lines.add(k[0]);
        }
        return sc;
    }
}
