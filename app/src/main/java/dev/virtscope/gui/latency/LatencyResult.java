package dev.virtscope.gui.latency;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.kvm.StatTable;
import dev.virtscope.analysis.latency.LatencySummary;
import dev.virtscope.view.chart.LatencyHistogramChart;

/**
 * One computed state of the Latency tab: the chart (histogram and percentiles, the same object the
 * export writes), the kvm-stat vmexit table, the outlier rows of {@code exits}, and a line saying what
 * was counted and what was left out.
 */
public record LatencyResult(LatencyQuery query, LatencyHistogramChart chart, LatencySummary summary, StatTable stats,
                            int[] outliers, KvmExits exits, String note) {
}
