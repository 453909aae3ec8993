package dev.virtscope.gui.flame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.virtscope.analysis.kvm.KvmExits;

/**
 * One entry of the exit scope: every sample (ANY), or only samples taken while their vCPU thread
 * was inside a kvm exit of one reason.
 *
 * @param reasonId {@link KvmExits} reason id, or -1 for ANY
 */
public record ExitChoice(String label, int reasonId) {
    public static final ExitChoice ANY = new ExitChoice("Any time", -1);

    @Override
    public String toString() {
        return label;
    }

    /** ANY, then every reason that has paired exits, most frequent first. */
    public static List<ExitChoice> of(KvmExits k) {
        long[] count = new long[k.reasonCount()];
        for (int r = 0; r < k.size(); r++) if (k.paired(r)) count[k.reasonId(r)]++;
        List<ExitChoice> reasons = new ArrayList<>();
        for (int id = 0; id < count.length; id++) {
            if (count[id] > 0) {
                reasons.add(new ExitChoice(String.format(Locale.ROOT, "In %s exits (%,d)", k.reasonNameOfId(id), count[id]), id));
            }
        }
        reasons.sort((a, b) -> Long.compare(count[b.reasonId], count[a.reasonId]));
        List<ExitChoice> out = new ArrayList<>();
        out.add(ANY);
        out.addAll(reasons);
        return out;
    }
}
