package dev.virtscope.gui.latency;

import java.util.Locale;

import dev.virtscope.analysis.kvm.ExitFilter;
import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.kvm.KvmStat;
import dev.virtscope.analysis.kvm.Outliers;
import dev.virtscope.analysis.kvm.StatTable;
import dev.virtscope.analysis.latency.EventPairing;
import dev.virtscope.analysis.latency.Latencies;
import dev.virtscope.analysis.latency.LatencyHistogram;
import dev.virtscope.analysis.latency.LatencySummary;
import dev.virtscope.gui.kvm.KvmExitsCache;
import dev.virtscope.store.EventStore;
import dev.virtscope.view.chart.LatencyHistogramChart;

/**
 * The Latency tab's work, off the FX thread: durations from the parser's analyses (kvm exit pairing or
 * {@link EventPairing}), then histogram and percentiles through {@link Latencies}, the one latency path
 * the CLI uses too. Runs on one background thread at a time, so the last pairing can be kept without locks.
 */
final class LatencyComputation {
    static final long MAX_LINEAR_BUCKETS = 100_000;

    private EventStore pairedStore;
    private LatencyQuery.Pair pairedSpec;
    private EventPairing.Pairs pairs;

    LatencyResult compute(EventStore s, LatencyQuery q) {
        KvmExits k = KvmExitsCache.of(s);
        ExitFilter f = ExitFilter.ALL.withReason(q.reason()).withVcpu(q.vcpu()).withCpu(q.cpu());
        Latencies lat;
        String title, note;
        if (q.pair() != null) {
            EventPairing.Pairs p = pairs(s, q.pair());
            int cpu = q.cpu();
            lat = cpu < 0 ? p.latencies() : Latencies.select(p.durationNs, p.size, i -> s.cpu(p.start[i]) == cpu);
            title = q.pair().title() + (cpu >= 0 ? " CPU " + cpu : "");
            note = String.format(Locale.ROOT, "%,d pairs; not counted: %,d starts without end, %,d ends without start, %,d across lost events",
                    p.size, p.unpairedStarts, p.unmatchedEnds, p.brokenByLost);
        } else {
            lat = k.latencies(f);
            title = "kvm exit latency" + (q.reason() != null ? " " + q.reason() : "") + (q.vcpu() >= 0 ? " vCPU " + q.vcpu() : "")
                    + (q.cpu() >= 0 ? " CPU " + q.cpu() : "");
            note = String.format(Locale.ROOT, "%,d of %,d exits paired with their kvm_entry; %,d unpaired (not counted)",
                    k.paired(), k.size(), k.unpairedTotal());
        }
        LatencySummary sum = lat.summary();
        long w = q.linearWidthNs();
        // a bar narrower than a pixel shows nothing and the arrays would be huge: refuse before allocating
        if (w > 0 && (sum.maxNs - sum.minNs) / w > MAX_LINEAR_BUCKETS)
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a width of %s makes more than %,d buckets between %s and %s",
                    LatencyHistogramChart.human(w), MAX_LINEAR_BUCKETS, LatencyHistogramChart.human(sum.minNs),
                    LatencyHistogramChart.human(sum.maxNs)));
        LatencyHistogram h = w > 0 ? lat.linear(w) : lat.log2();
        LatencyHistogramChart chart = new LatencyHistogramChart(title, h, sum, q.logCounts());
        StatTable stats = KvmStat.vmexit(k, q.vcpu(), KvmStat.By.KEY);
        int[] outliers = Outliers.find(k, q.thresholdNs(), q.includeHlt(), f);
        return new LatencyResult(q, chart, sum, stats, outliers, k, note);
    }

    private EventPairing.Pairs pairs(EventStore s, LatencyQuery.Pair spec) {
        if (s != pairedStore || !spec.equals(pairedSpec)) {
            pairs = EventPairing.pair(s, spec.start(), spec.end(), spec.kind(), spec.key());
            pairedStore = s;
            pairedSpec = spec;
        }
        return pairs;
    }
}
