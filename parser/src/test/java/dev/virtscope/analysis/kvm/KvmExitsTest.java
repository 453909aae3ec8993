package dev.virtscope.analysis.kvm;

import static dev.virtscope.decode.kvm.RealKvmLines.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.virtscope.analysis.latency.LatencyHistogram;
import dev.virtscope.decode.kvm.KvmLineStore;
import dev.virtscope.store.EventStore;

class KvmExitsTest {

    @Test
    void realPerfScriptPairIsOneExitOfTwoMicroseconds() {
        EventStore s = new KvmLineStore().add(PERF_EXIT_MSR_WRITE).add(PERF_ENTRY).build();
        KvmExits k = KvmExits.of(s);
        assertEquals(1, k.size());
        assertTrue(k.paired(0));
        assertEquals(151678_240969_000L - 151678_240967_000L, k.durationNs(0));
        assertEquals("MSR_WRITE", k.reasonName(0));
        assertEquals(0, k.vcpu(0));
        assertEquals(124, k.cpu(0));
        assertEquals(18292, k.tid(0));
        assertEquals(32, k.codeOfReason(k.reasonId(0)));
    }

    @Test
    void svmExitsAreRecognisedByTheirPrintedNames() {
        EventStore s = new KvmLineStore()
                .add(1_000, 3, 70, "kvm_exit", FROM_FORMAT_EXIT_SVM_NPF_PAYLOAD)
                .add(9_000, 3, 70, "kvm_entry", "vcpu 3, rip 0xffffffff81071a30")
                .add(20_000, 3, 70, "kvm_exit", FROM_FORMAT_EXIT_SVM_DE_PAYLOAD)
                .add(21_500, 3, 70, "kvm_entry", "vcpu 0, rip 0x401002")
                .build();
        KvmExits k = KvmExits.of(s);
        assertEquals(2, k.paired());
        assertEquals("npf", k.reasonName(0));
        assertEquals(dev.virtscope.decode.kvm.ExitReasons.ISA_SVM, k.isaOfReason(k.reasonId(0)));
        assertEquals(0x400, k.codeOfReason(k.reasonId(0)));
        assertEquals(8_000, k.durationNs(0));
        assertEquals("DE excp", k.reasonName(1));
        assertEquals(0x40, k.codeOfReason(k.reasonId(1)));
        assertEquals(1_500, k.durationNs(1));
        assertEquals(3, k.vcpu(0));
        assertEquals(0, k.vcpu(1), "the vCPU the exit payload prints");
    }

    @Test
    void pairsByThreadEvenWhenTheVcpuMigratesAndMatchesTheReference() {
        KvmScenario sc = KvmScenario.random(7, 4, 400, false);
        KvmExits k = KvmExits.of(sc.store().build());
        Reference ref = Reference.of(sc.lines, false);
        assertEquals(ref.pairs.size(), k.paired());
        assertEquals(ref.unpaired, k.unpairedTotal());
        List<long[]> mine = new ArrayList<>();
        for (int r = 0; r < k.size(); r++) if (k.paired(r)) mine.add(new long[]{k.startNs(r), k.durationNs(r), k.tid(r)});
        List<long[]> theirs = new ArrayList<>();
        for (Reference.Pair p : ref.pairs) theirs.add(new long[]{p.exitTs(), p.dur(), p.tid()});
        mine.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
        theirs.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
        for (int i = 0; i < mine.size(); i++) assertArrayEquals(theirs.get(i), mine.get(i), "pair " + i);
    }

    @Test
    void histogramsPerReasonAndVcpuMatchTheReference() {
        KvmScenario sc = KvmScenario.random(11, 3, 600, false);
        KvmExits k = KvmExits.of(sc.store().build());
        Reference ref = Reference.of(sc.lines, false);
        for (String reason : new String[]{"EXTERNAL_INTERRUPT", "MSR_WRITE", "HLT", "EPT_VIOLATION"}) {
            for (int vcpu = -1; vcpu < 3; vcpu++) {
                final int v = vcpu;
                LatencyHistogram h = k.latencies(ExitFilter.ALL.withReason(reason).withVcpu(vcpu)).log2();
                Map<Integer, Long> expected = new HashMap<>();
                for (Reference.Pair p : ref.pairs) {
                    if (!p.reason().equals(reason) || (v >= 0 && p.vcpu() != v)) continue;
                    int e = (int) Math.floor(Math.log(p.dur()) / Math.log(2) + 1e-12);
                    expected.merge(e, 1L, Long::sum);
                }
                Map<Integer, Long> got = new HashMap<>();
                for (int b = 0; b < h.buckets(); b++)
                    if (h.count(b) > 0) got.put(63 - Long.numberOfLeadingZeros(h.loNs(b)), h.count(b));
                assertEquals(expected, got, reason + " vcpu " + vcpu);
            }
        }
    }

    @Test
    void queriesByHostVectorAndTimeRange() {
        KvmScenario sc = KvmScenario.random(19, 3, 500, false);
        KvmExits k = KvmExits.of(sc.store().build());
        Reference ref = Reference.of(sc.lines, false);
        // the scenario's EXTERNAL_INTERRUPT payloads are the two real lines: intr_info 0x800000ec and 0x800000f6
        long timer = 0, irqWork = 0;
        for (String l : sc.lines) {
            if (!l.contains(": kvm_exit: ")) continue;
            if (l.contains("intr_info 0x800000ec")) timer++;
            if (l.contains("intr_info 0x800000f6")) irqWork++;
        }
        assertEquals(timer, k.latencies(ExitFilter.ALL.withSubKey(0xec)).size());
        assertEquals(irqWork, k.latencies(ExitFilter.ALL.withSubKey(0xf6)).size());
        long from = ref.pairs.get(ref.pairs.size() / 4).exitTs(), to = ref.pairs.get(ref.pairs.size() / 2).exitTs();
        long inRange = ref.pairs.stream().filter(p -> p.exitTs() >= from && p.exitTs() < to).count();
        assertEquals(inRange, k.latencies(ExitFilter.ALL.withTime(from, to)).size());
        long hltOnCpu1 = ref.pairs.stream().filter(p -> p.reason().equals("HLT") && p.exitCpu() == 1).count();
        assertEquals(hltOnCpu1, k.latencies(ExitFilter.ALL.withReason("HLT").withCpu(1)).size());
        assertEquals(0, k.latencies(ExitFilter.ALL.withReason("NO_SUCH_REASON")).size());
    }

    @Test
    void pairsByCpuWhenThreadsAreUnknown() {
        // same real payloads, no thread ids (as from a per-CPU tool): pairing falls back to the CPU
        KvmScenario sc = KvmScenario.random(5, 2, 200, false);
        KvmLineStore noTid = new KvmLineStore();
        List<String> noMigration = new ArrayList<>();
        for (String l : sc.lines) {
            // keep only vCPUs that stayed on their CPU: rewrite each line's CPU to its vCPU number
            int vcpu = Integer.parseInt(l.substring(l.indexOf("CPU ") + 4, l.indexOf("/KVM")));
            String fixed = l.replaceFirst("\\[\\d{3}\\]", String.format("[%03d]", vcpu));
            noMigration.add(fixed);
            long ts = Reference.tsOf(fixed);
            String ev = fixed.substring(fixed.indexOf(": ", fixed.indexOf(']')) + 2);
            String name = ev.substring(0, ev.indexOf(':'));
            noTid.add(ts, vcpu, -1, name, KvmLineStore.payloadOf(fixed));
        }
        KvmExits k = KvmExits.of(noTid.build());
        Reference ref = Reference.of(noMigration, true);
        assertEquals(ref.pairs.size(), k.paired());
        long refSum = ref.pairs.stream().mapToLong(Reference.Pair::dur).sum();
        long sum = 0;
        for (int r = 0; r < k.size(); r++) if (k.paired(r)) sum += k.durationNs(r);
        assertEquals(refSum, sum);
    }

    @Test
    void lostEventsBreakPairsOnThatCpu() {
        KvmScenario sc = new KvmScenario()
                .add(0, 4432, 4, 1_000_000_000L, "kvm_exit", KvmLineStore.payloadOf(EXIT_510_LOCAL_TIMER))
                .lost(4, 17)
                .add(0, 4432, 4, 1_000_005_000L, "kvm_entry", KvmScenario.ENTRY_PAYLOAD)
                .add(0, 4432, 4, 1_000_050_000L, "kvm_exit", KvmLineStore.payloadOf(EXIT_510_IRQ_WORK))
                .add(1, 4433, 5, 1_000_051_000L, "kvm_exit", KvmLineStore.payloadOf(PERF_EXIT_MSR_WRITE))
                .lost(5, 3)
                .add(1, 4433, 5, 1_000_052_000L, "kvm_entry", KvmScenario.ENTRY_PAYLOAD)
                .add(0, 4432, 4, 1_000_053_000L, "kvm_entry", KvmScenario.ENTRY_PAYLOAD)
                .add(0, 4432, 4, 1_000_090_000L, "kvm_exit", KvmLineStore.payloadOf(EXIT_510_LOCAL_TIMER));
        KvmExits k = KvmExits.of(sc.store().build());
        assertEquals(4, k.size());
        assertEquals(1, k.paired(), "only the exit on CPU 4 at +50 µs pairs; the marker on CPU 5 does not touch it");
        assertEquals(3_000, k.durationNs(1));
        assertEquals(2, k.unpairedLost());
        assertEquals(1, k.unpairedAtEnd());
        Reference ref = Reference.of(sc.lines, false);
        assertEquals(ref.pairs.size(), k.paired());
        assertEquals(ref.unpaired, k.unpairedTotal());
    }

    @Test
    void randomLostMarkersAgreeWithTheReference() {
        KvmScenario sc = KvmScenario.random(23, 4, 500, true);
        KvmExits k = KvmExits.of(sc.store().build());
        Reference ref = Reference.of(sc.lines, false);
        assertTrue(k.unpairedLost() > 0, "the scenario has markers inside exits");
        assertEquals(ref.pairs.size(), k.paired());
        assertEquals(ref.unpaired, k.unpairedTotal());
    }

    @Test
    void outliersAreLongNonHltExits() {
        KvmScenario sc = KvmScenario.random(13, 3, 500, false);
        KvmExits k = KvmExits.of(sc.store().build());
        Reference ref = Reference.of(sc.lines, false);
        int[] out = Outliers.find(k);
        long[] got = Arrays.stream(out).mapToLong(k::startNs).sorted().toArray();
        long[] expected = ref.pairs.stream().filter(p -> p.dur() > 1_000_000 && !p.reason().equals("HLT"))
                .mapToLong(Reference.Pair::exitTs).sorted().toArray();
        assertTrue(expected.length > 0);
        assertArrayEquals(expected, got);
        int withHlt = Outliers.find(k, 1_000_000, true, ExitFilter.ALL).length;
        assertEquals(ref.pairs.stream().filter(p -> p.dur() > 1_000_000).count(), withHlt);
    }

    @Test
    void portSubKeyAndUserspaceTimeComeFromTheEventsInsideTheExit() {
        KvmScenario sc = KvmScenario.random(17, 2, 300, false);
        KvmExits k = KvmExits.of(sc.store().build());
        Reference ref = Reference.of(sc.lines, false);
        long refPort70 = ref.pairs.stream().filter(p -> p.port() == 0x70 && !p.reason().equals("EXTERNAL_INTERRUPT")).count();
        assertTrue(refPort70 > 0);
        assertEquals(refPort70, k.latencies(ExitFilter.ALL.withSubKey(0x70)).size()
                - countPaired(k, r -> k.subKey(r) == 0x70 && k.reasonName(r).equals("EXTERNAL_INTERRUPT")));
        VcpuTimeSplit split = VcpuTimeSplit.of(k);
        long refUser = ref.pairs.stream().filter(Reference.Pair::toUserspace).count();
        long users = 0;
        for (int r = 0; r < k.size(); r++) if (k.paired(r) && k.userspaceNs(r) >= 0) users++;
        assertEquals(refUser, users);
        long host = 0, user = 0, total = 0;
        for (int i = 0; i < split.vcpuCount(); i++) {
            host += split.hostNs(i);
            user += split.userspaceNs(i);
        }
        for (Reference.Pair p : ref.pairs) total += p.dur();
        assertEquals(total, host + user, "every exit's time is host-kernel or userspace");
        assertTrue(user > 0);
    }

    private static long countPaired(KvmExits k, java.util.function.IntPredicate p) {
        long c = 0;
        for (int r = 0; r < k.size(); r++) if (k.paired(r) && p.test(r)) c++;
        return c;
    }
}
