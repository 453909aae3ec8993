package dev.virtscope.analysis.kvm;

import java.util.Arrays;

import dev.virtscope.decode.kvm.ExitReasons;

/**
 * Exits that took longer than a threshold (default 1 ms, as in the classic recipe), HLT excluded by
 * default because a halted vCPU legitimately stays out of the guest until its next interrupt.
 * The result is the list of rows of {@link KvmExits}, in time order; each row gives time, vCPU, CPU,
 * reason and event index through KvmExits.
 */
public final class Outliers {
    public static final long DEFAULT_THRESHOLD_NS = 1_000_000;

    private Outliers() {
    }

    public static int[] find(KvmExits k, long thresholdNs, boolean includeHlt, ExitFilter f) {
        int[] out = new int[16];
        int n = 0;
        for (int r = 0; r < k.size(); r++) {
            long d = k.durationNs(r);
            if (d <= thresholdNs) continue;
            if (!includeHlt && ExitReasons.isHlt(k.reasonName(r))) continue;
            if (!f.test(k, r)) continue;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = r;
        }
        return Arrays.copyOf(out, n);
    }

    public static int[] find(KvmExits k) {
        return find(k, DEFAULT_THRESHOLD_NS, false, ExitFilter.ALL);
    }
}
