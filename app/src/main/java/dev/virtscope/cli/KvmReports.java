package dev.virtscope.cli;

import java.util.Locale;

import dev.virtscope.analysis.kvm.ExitFilter;
import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.kvm.Outliers;
import dev.virtscope.analysis.kvm.VcpuTimeSplit;
import dev.virtscope.decode.kvm.HostVectors;

/** Text of the kvm-stat extras: the outlier list and the per-vCPU time split. */
final class KvmReports {
    private KvmReports() {
    }

    static String outliers(KvmExits k, long thresholdNs, boolean includeHlt, int vcpu) {
        int[] rows = Outliers.find(k, thresholdNs, includeHlt, ExitFilter.ALL.withVcpu(vcpu));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "exits longer than %.3f ms%s: %d%n%18s %5s %5s %12s %-22s %s%n", thresholdNs / 1e6,
                includeHlt ? "" : " (HLT excluded)", rows.length, "time (s)", "vcpu", "cpu", "duration(us)", "reason", "event"));
        for (int r : rows) {
            String reason = k.reasonName(r);
            if ("EXTERNAL_INTERRUPT".equals(reason) && k.subKey(r) >= 0) reason += " " + HostVectors.name((int) k.subKey(r));
            sb.append(String.format(Locale.ROOT, "%18.6f %5d %5d %12.1f %-22s %d%n", k.startNs(r) / 1e9, k.vcpu(r), k.cpu(r),
                    k.durationNs(r) / 1e3, reason, k.exitIndex(r)));
        }
        return sb.toString();
    }

    static String split(KvmExits k) {
        VcpuTimeSplit s = VcpuTimeSplit.of(k);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%6s %14s %14s %14s %8s %8s  %s%n", "vcpu",
                "guest (ms)", "host (ms)", "userspace (ms)", "guest%", "host%", "top host reasons"));
        for (int i = 0; i < s.vcpuCount(); i++) {
            double total = s.guestNs(i) + s.hostNs(i) + s.userspaceNs(i);
            StringBuilder top = new StringBuilder();
            // the three reasons with the most host time
            boolean[] used = new boolean[k.reasonCount()];
            for (int n = 0; n < 3; n++) {
                int best = -1;
                for (int r = 0; r < k.reasonCount(); r++)
                    if (!used[r] && s.hostNs(i, r) > 0 && (best < 0 || s.hostNs(i, r) > s.hostNs(i, best))) best = r;
                if (best < 0) break;
                used[best] = true;
                top.append(String.format(Locale.ROOT, "%s%s %.1f ms", n == 0 ? "" : ", ", k.reasonNameOfId(best), s.hostNs(i, best) / 1e6));
            }
            sb.append(String.format(Locale.ROOT, "%6s %14.3f %14.3f %14.3f %7.2f%% %7.2f%%  %s%n",
                    s.vcpu(i) < 0 ? "?" : Integer.toString(s.vcpu(i)), s.guestNs(i) / 1e6, s.hostNs(i) / 1e6,
                    s.userspaceNs(i) / 1e6, total == 0 ? 0 : 100 * s.guestNs(i) / total, total == 0 ? 0 : 100 * s.hostNs(i) / total, top));
        }
        return sb.toString();
    }
}
