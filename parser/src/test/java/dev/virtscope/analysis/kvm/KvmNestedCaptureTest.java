package dev.virtscope.analysis.kvm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.virtscope.Samples;
import dev.virtscope.analysis.latency.LatencyHistogram;
import dev.virtscope.decode.kvm.ExitReasons;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/**
 * The real nested AMD SVM captures (samples/captured/nested, described in samples/captured/PROVENANCE.md)
 * in every text form the tools wrote — raw tracefs text (kernel names {@code npf}), trace-cmd report with
 * the kvm plugin ({@code reason EXIT_NPF … info …}), trace-cmd report -R ({@code exit_reason=1024 … isa=2})
 * and perf script ({@code kvm:kvm_exit}) — against {@link ExitScan}, a plain regex pass over each file.
 */
class KvmNestedCaptureTest {
    static final String DIR = "captured/nested/";
    static final String SECS5 = DIR + "nested-svm-inner-smp2-secs5.";

    private static KvmExits exits(Path f) throws Exception {
        EventStore s = TraceLoader.standard().load(f).events();
        return KvmExits.of(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nested-svm-inner-smp2-secs5.ftrace.txt.xz", "nested-svm-inner-smp2-secs5.report.txt.xz",
            "nested-svm-inner-smp2-secs5.report-R.txt.xz", "nested-svm-inner-smp2-secs5.perf-script.txt.xz",
            "nested-svm-inner-smp2-secs15.ftrace-first250000.txt.xz", "nested-svm-inner-smp2-secs15.report-first250000.txt.xz",
            "nested-svm-inner-smp2-secs15.perf-script.txt.xz"})
    void kvmStatRowsAndLog2BucketsEqualAPlainPairingOfTheLines(String name) throws Exception {
        Path f = Samples.path(DIR + name);
        ExitScan expected = ExitScan.of(f);
        assertTrue(expected.paired > 1000, name + ": a capture with many exits");
        KvmExits k = exits(f);

        // (1) the kvm-stat vmexit table, row by row
        StatTable t = KvmStat.vmexit(k, -1, KvmStat.By.KEY);
        assertEquals(expected.byReason.keySet(), keys(t), name);
        assertEquals(expected.paired, t.totalSamples(), name);
        assertEquals(expected.exits - expected.paired, t.unpaired(), name + ": exits without an entry");
        for (StatTable.Row r : t.rows()) {
            List<Long> d = expected.byReason.get(r.key());
            String what = name + " " + r.key();
            assertEquals(d.size(), r.samples(), what);
            assertEquals(d.stream().mapToLong(Long::longValue).min().orElseThrow(), r.minNs(), what);
            assertEquals(d.stream().mapToLong(Long::longValue).max().orElseThrow(), r.maxNs(), what);
            assertEquals(d.stream().mapToLong(Long::longValue).average().orElseThrow(), r.avgNs(), 1e-6, what);
            assertEquals(100.0 * d.size() / expected.paired, r.samplesPct(), 1e-9, what);
        }

        // (2) log2 histograms, per reason and over all exits, bucket for bucket
        for (Map.Entry<String, List<Long>> e : expected.byReason.entrySet()) {
            assertEquals(ExitScan.log2Buckets(e.getValue()), buckets(k.latencies(ExitFilter.ALL.withReason(e.getKey())).log2()),
                    name + " " + e.getKey());
        }
        assertEquals(ExitScan.log2Buckets(expected.all()), buckets(k.latencies(ExitFilter.ALL).log2()), name + " all reasons");
    }

    @Test
    void everyFormOfTheSameRunNamesTheSameSvmExitCodes() throws Exception {
        // the kernel text and report -R print the kernel's names; the plugin its own EXIT_* names
        Map<Integer, Long> kernel = codes(exits(Samples.path(SECS5 + "ftrace.txt.xz")));
        assertEquals(kernel, codes(exits(Samples.path(SECS5 + "report.txt.xz"))));
        assertEquals(kernel, codes(exits(Samples.path(SECS5 + "report-R.txt.xz"))));
        assertEquals(Long.valueOf(1405 - 0), kernel.get(ExitReasons.SVM_IOIO), "PROVENANCE.md: io 1405, all paired");
    }

    @Test
    void traceDatOfTheRunGivesTheRowsOfItsReportWithNanosecondTimes() throws Exception {
        // the .dat keeps ns; report -R prints the same events rounded down to µs
        ExitScan report = ExitScan.of(Samples.path(SECS5 + "report-R.txt.xz"));
        StatTable t = KvmStat.vmexit(exits(Samples.path(SECS5 + "trace.dat")), -1, KvmStat.By.KEY);
        assertEquals(report.byReason.keySet(), keys(t));
        for (StatTable.Row r : t.rows()) {
            List<Long> d = report.byReason.get(r.key());
            assertEquals(d.size(), r.samples(), r.key());
            assertEquals(d.stream().mapToLong(Long::longValue).max().orElseThrow(), r.maxNs(), 1000, r.key());
        }
    }

    @Test
    void portAndMsrTablesAgreeBetweenTheKernelThePluginAndTheRawForms() throws Exception {
        EventStore kernel = TraceLoader.standard().load(Samples.path(SECS5 + "ftrace.txt.xz")).events();
        EventStore plugin = TraceLoader.standard().load(Samples.path(SECS5 + "report.txt.xz")).events();
        EventStore raw = TraceLoader.standard().load(Samples.path(SECS5 + "report-R.txt.xz")).events();
        for (KvmStat.Event e : new KvmStat.Event[]{KvmStat.Event.IOPORT, KvmStat.Event.MSR, KvmStat.Event.MMIO}) {
            List<String> k = rows(KvmStat.accesses(kernel, e, -1, KvmStat.By.KEY));
            assertFalse(k.isEmpty(), e.id());
            assertEquals(k, rows(KvmStat.accesses(plugin, e, -1, KvmStat.By.KEY)), e.id() + " plugin form");
            assertEquals(k, rows(KvmStat.accesses(raw, e, -1, KvmStat.By.KEY)), e.id() + " raw form");
        }
    }

    private static List<String> rows(StatTable t) {
        return t.rows().stream().map(r -> r.key() + " " + r.samples() + " " + r.minNs() + " " + r.maxNs() + " " + r.avgNs()).toList();
    }

    private static java.util.Set<String> keys(StatTable t) {
        java.util.Set<String> s = new java.util.TreeSet<>();
        for (StatTable.Row r : t.rows()) s.add(r.key());
        return s;
    }

    private static Map<Long, Long> buckets(LatencyHistogram h) {
        Map<Long, Long> m = new TreeMap<>();
        for (int b = 0; b < h.buckets(); b++) {
            assertEquals(h.loNs(b) == 0 ? 1 : 2 * h.loNs(b), h.hiNs(b), "[2^i, 2^(i+1))");
            if (h.count(b) > 0) m.put(h.loNs(b), h.count(b));
        }
        return m;
    }

    /** Paired exits per SVM exit code. */
    private static Map<Integer, Long> codes(KvmExits k) {
        Map<Integer, Long> m = new HashMap<>();
        for (int r = 0; r < k.size(); r++) {
            if (!k.paired(r)) continue;
            assertEquals(ExitReasons.ISA_SVM, k.isaOfReason(k.reasonId(r)), k.reasonName(r));
            m.merge(k.codeOfReason(k.reasonId(r)), 1L, Long::sum);
        }
        return m;
    }
}
