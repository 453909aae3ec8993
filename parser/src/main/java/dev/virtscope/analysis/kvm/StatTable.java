package dev.virtscope.analysis.kvm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.virtscope.analysis.latency.Latencies;
import dev.virtscope.analysis.latency.LatencySummary;

/**
 * One {@code perf kvm stat report} table: per key, samples, samples %, time %, min, max, avg and
 * ± relative stddev (perf's rel_stddev_stats: standard error of the mean over the mean, in %).
 * Rows are sorted by samples, descending, as perf does by default ({@code --key sample}).
 */
public record StatTable(String event, List<Row> rows, long totalSamples, long totalTimeNs, long unpaired) {

    public record Row(String key, long samples, double samplesPct, double timePct, long minNs, long maxNs,
                      double avgNs, double stddevPct, LatencySummary summary) {
    }

    /**
     * Groups durations by group id (0..groups-1) with a counting sort, then summarises each group through
     * the shared latency path. Public so other interval sources (QEMU's userspace exits) share it.
     */
    public static StatTable build(String event, int[] group, long[] dur, int n, String[] groupNames, long unpaired) {
        int groups = groupNames.length;
        int[] start = new int[groups + 1];
        for (int i = 0; i < n; i++) start[group[i] + 1]++;
        for (int g = 0; g < groups; g++) start[g + 1] += start[g];
        long[] sorted = new long[n];
        int[] fill = start.clone();
        long totalTime = 0;
        for (int i = 0; i < n; i++) {
            sorted[fill[group[i]]++] = dur[i];
            totalTime += dur[i];
        }
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (start[g + 1] == start[g]) continue;
            LatencySummary s = new Latencies(sorted, start[g], start[g + 1]).summary();
            rows.add(new Row(groupNames[g], s.count, n == 0 ? 0 : 100.0 * s.count / n,
                    totalTime == 0 ? 0 : 100.0 * s.sumNs / totalTime, s.minNs, s.maxNs, s.meanNs, s.relStddevPct(), s));
        }
        rows.sort(Comparator.comparingLong(Row::samples).reversed().thenComparing(Row::key));
        return new StatTable(event, List.copyOf(rows), n, totalTime, unpaired);
    }

    /**
     * The table of groups already laid out (one duration slice per group, names null for empty groups):
     * the same rows as {@link #build} of those durations, with each group's summary reused.
     */
    public static StatTable ofGroups(String event, String[] groupNames, Latencies[] groups, long unpaired) {
        long n = 0, totalTime = 0;
        for (Latencies l : groups) {
            if (l.size() == 0) continue;
            n += l.size();
            totalTime += l.summary().sumNs;
        }
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            if (groups[g].size() == 0) continue;
            LatencySummary s = groups[g].summary();
            rows.add(new Row(groupNames[g], s.count, n == 0 ? 0 : 100.0 * s.count / n,
                    totalTime == 0 ? 0 : 100.0 * s.sumNs / totalTime, s.minNs, s.maxNs, s.meanNs, s.relStddevPct(), s));
        }
        rows.sort(Comparator.comparingLong(Row::samples).reversed().thenComparing(Row::key));
        return new StatTable(event, List.copyOf(rows), n, totalTime, unpaired);
    }

    /** Text in the layout of perf kvm stat report (times in µs). */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        String head = switch (event) {
            case "ioport" -> "IO Port Access";
            case "msr" -> "MSR Access";
            case "mmio" -> "MMIO Access";
            case "userspace" -> "USERSPACE-EXIT";
            default -> "VM-EXIT";
        };
        sb.append(String.format(java.util.Locale.ROOT, "%n%20s %10s %8s %8s %10s %10s %16s%n%n", head, "Samples", "Samples%", "Time%",
                "Min Time", "Max Time", "Avg time"));
        for (Row r : rows) {
            sb.append(String.format(java.util.Locale.ROOT, "%20s %10d %7.2f%% %7.2f%% %8.2fus %8.2fus %9.2fus ( +- %5.2f%% )%n", r.key(),
                    r.samples(), r.samplesPct(), r.timePct(), r.minNs() / 1e3, r.maxNs() / 1e3, r.avgNs() / 1e3,
                    r.stddevPct()));
        }
        sb.append(String.format(java.util.Locale.ROOT, "%nTotal Samples:%d, Total events handled time:%.2fus.%n", totalSamples, totalTimeNs / 1e3));
        if (unpaired > 0) sb.append(String.format(java.util.Locale.ROOT, "Unpaired (not counted): %d%n", unpaired));
        return sb.toString();
    }
}
