package dev.virtscope.analysis.kvm;

import static dev.virtscope.decode.kvm.RealKvmLines.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.virtscope.decode.kvm.KvmLineStore;
import dev.virtscope.store.EventStore;

class KvmStatTest {

    @Test
    void vmexitTableMatchesAPlainComputation() {
        KvmScenario sc = KvmScenario.random(31, 3, 700, false);
        KvmExits k = KvmExits.of(sc.store().build());
        Reference ref = Reference.of(sc.lines, false);
        StatTable t = KvmStat.vmexit(k, -1, KvmStat.By.KEY);
        Map<String, long[]> byReason = new HashMap<>(); // count, sum, min, max
        long total = 0;
        for (Reference.Pair p : ref.pairs) {
            long[] a = byReason.computeIfAbsent(p.reason(), r -> new long[]{0, 0, Long.MAX_VALUE, 0});
            a[0]++;
            a[1] += p.dur();
            a[2] = Math.min(a[2], p.dur());
            a[3] = Math.max(a[3], p.dur());
            total += p.dur();
        }
        assertEquals(ref.pairs.size(), t.totalSamples());
        assertEquals(total, t.totalTimeNs());
        assertEquals(byReason.size(), t.rows().size());
        double pctSum = 0;
        for (StatTable.Row r : t.rows()) {
            long[] a = byReason.get(r.key());
            assertEquals(a[0], r.samples(), r.key());
            assertEquals(100.0 * a[0] / ref.pairs.size(), r.samplesPct(), 1e-9);
            assertEquals(100.0 * a[1] / total, r.timePct(), 1e-9);
            assertEquals(a[2], r.minNs());
            assertEquals(a[3], r.maxNs());
            assertEquals((double) a[1] / a[0], r.avgNs(), 1e-6);
            pctSum += r.samplesPct();
        }
        assertEquals(100.0, pctSum, 1e-9);
        for (int i = 1; i < t.rows().size(); i++) assertTrue(t.rows().get(i - 1).samples() >= t.rows().get(i).samples());
        // one vCPU only
        StatTable v1 = KvmStat.vmexit(k, 1, KvmStat.By.KEY);
        assertEquals(ref.pairs.stream().filter(p -> p.vcpu() == 1).count(), v1.totalSamples());
        StatTable byVcpu = KvmStat.vmexit(k, -1, KvmStat.By.VCPU);
        assertEquals(3, byVcpu.rows().size());
        assertTrue(t.toText().contains("EXTERNAL_INTERRUPT"));
    }

    @Test
    void ioportStartsAtKvmPioAndEndsAtKvmEntryLikePerf() {
        KvmScenario sc = KvmScenario.random(37, 2, 400, false);
        EventStore s = sc.store().build();
        StatTable t = KvmStat.accesses(s, KvmStat.Event.IOPORT, -1, KvmStat.By.KEY);
        // plain computation: remember the last kvm_pio per thread, close it at that thread's next kvm_entry
        Map<Integer, Object[]> open = new HashMap<>();
        Map<String, long[]> rows = new HashMap<>();
        for (String l : sc.lines) {
            int tid = Integer.parseInt(l.substring(l.lastIndexOf('-', l.indexOf('[')) + 1, l.indexOf('[')).trim());
            long ts = Reference.tsOf(l);
            if (l.contains(": kvm_pio: ")) {
                String dir = l.contains("pio_write") ? "POUT" : "PIN";
                String port = l.substring(l.indexOf(" at ") + 4).split(" ")[0];
                open.put(tid, new Object[]{ts, port + ":" + dir});
            } else if (l.contains(": kvm_entry: ") && open.containsKey(tid)) {
                Object[] o = open.remove(tid);
                long[] a = rows.computeIfAbsent((String) o[1], x -> new long[2]);
                a[0]++;
                a[1] += ts - (long) o[0];
            }
        }
        assertFalse(rows.isEmpty());
        assertEquals(rows.size(), t.rows().size());
        for (StatTable.Row r : t.rows()) {
            assertEquals(rows.get(r.key())[0], r.samples(), r.key());
            assertEquals((double) rows.get(r.key())[1] / r.samples(), r.avgNs(), 1e-6);
        }
        assertTrue(rows.containsKey("0x70:POUT") && rows.containsKey("0x71:PIN"));
    }

    @Test
    void msrAndMmioFollowPerfBeginAndEndEvents() {
        String exit = KvmLineStore.payloadOf(PERF_EXIT_MSR_WRITE);
        String entry = KvmScenario.ENTRY_PAYLOAD;
        String misconfig = "vcpu 0 reason EPT_MISCONFIG rip 0xffffffff81000000 info1 0x0000000000000000 info2 0x0000000000000000 intr_info 0x00000000 error_code 0x00000000";
        EventStore s = new KvmLineStore()
                // MSR write: kvm_msr at +1 µs, entry at +4 µs → 3 µs
                .add(1_000_000L, 0, 50, "kvm_exit", exit)
                .add(1_001_000L, 0, 50, "kvm_msr", FROM_FORMAT_MSR_WRITE_TSC_DEADLINE_PAYLOAD)
                .add(1_004_000L, 0, 50, "kvm_entry", entry)
                // MMIO read: exit at 2 ms, kvm_mmio read at +7 µs → 7 µs from the exit
                .add(2_000_000L, 0, 50, "kvm_exit", misconfig)
                .add(2_007_000L, 0, 50, "kvm_mmio", FROM_FORMAT_MMIO_READ_PAYLOAD)
                .add(2_009_000L, 0, 50, "kvm_entry", entry)
                // MMIO write: kvm_mmio write at +2 µs, entry at +5 µs → 3 µs
                .add(3_000_000L, 0, 50, "kvm_exit", misconfig)
                .add(3_002_000L, 0, 50, "kvm_mmio", FROM_FORMAT_MMIO_WRITE_PAYLOAD)
                .add(3_005_000L, 0, 50, "kvm_entry", entry)
                .build();
        StatTable msr = KvmStat.accesses(s, KvmStat.Event.MSR, -1, KvmStat.By.KEY);
        assertEquals(List.of("0x6e0:W"), msr.rows().stream().map(StatTable.Row::key).toList());
        assertEquals(3_000, msr.rows().get(0).maxNs());
        StatTable mmio = KvmStat.accesses(s, KvmStat.Event.MMIO, -1, KvmStat.By.KEY);
        Map<String, Long> got = new HashMap<>();
        for (StatTable.Row r : mmio.rows()) got.put(r.key(), r.maxNs());
        assertEquals(Map.of("0xfed00f0:R", 7_000L, "0xfee000b0:W", 3_000L), got,
                "the MSR exit has no kvm_mmio and is not an MMIO access");
    }
}
