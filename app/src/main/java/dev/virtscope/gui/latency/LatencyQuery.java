package dev.virtscope.gui.latency;

import dev.virtscope.analysis.kvm.Outliers;
import dev.virtscope.analysis.latency.EventPairing;

/**
 * What the Latency tab plots: kvm exits filtered by reason / vCPU / host CPU (null or -1: any), or the
 * pairs of a generic start/end pairing ({@link #pair} non-null; then only the CPU filter applies, to the
 * start event as in {@code virtscope histogram --pair}); log2 buckets, or linear ones of
 * {@code linearWidthNs}; a log count axis; and the outlier list's threshold.
 */
public record LatencyQuery(String reason, int vcpu, int cpu, long linearWidthNs, boolean logCounts, long thresholdNs,
                           boolean includeHlt, Pair pair) {

    /** A start/end pairing: KEY is {@code tid}, {@code cpu} or a numeric payload field. */
    public record Pair(String start, String end, String key) {
        public EventPairing.KeyKind kind() {
            return key.equals("tid") ? EventPairing.KeyKind.TID : key.equals("cpu") ? EventPairing.KeyKind.CPU
                    : EventPairing.KeyKind.FIELD;
        }

        public String title() {
            return start + " → " + end + " by " + key + " latency";
        }
    }

    public static final LatencyQuery DEFAULT = new LatencyQuery(null, -1, -1, -1, false, Outliers.DEFAULT_THRESHOLD_NS, false, null);
}
