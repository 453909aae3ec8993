package dev.virtscope.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.virtscope.analysis.kvm.StatTable;
import dev.virtscope.analysis.latency.Latencies;
import dev.virtscope.analysis.qemu.KernelUserspaceExits;
import dev.virtscope.analysis.qemu.UserspaceExits;
import dev.virtscope.store.EventStore;

/**
 * "Time in QEMU" per KVM exit over a session, as durations for the shared stats and histogram
 * code ({@link StatTable}, {@link Latencies}). QEMU's own view is preferred when a file has it
 * (kvm_run_exit → next KVM_RUN ioctl of the vCPU: exactly the time QEMU spent); otherwise the
 * host's (kvm_userspace_exit → next kvm_entry of the thread, which also holds the ioctl's way in
 * and out of the kernel). The two are not added up: in a session with both they describe the
 * same exits. Each interval is placed on a session vCPU row ({@link SessionVcpus}).
 */
public final class SessionUserspace {
    /** Where the intervals come from. */
    public enum Source { QEMU, KERNEL, NONE }

    private final Source source;
    private final List<Integer> files = new ArrayList<>();
    private long[] dur = new long[0];
    private int[] reason = new int[0], vcpu = new int[0], row = new int[0];
    private int n;
    private long unpaired;
    private final SessionVcpus vcpus;

    private SessionUserspace(Source source, SessionVcpus vcpus) {
        this.source = source;
        this.vcpus = vcpus;
    }

    public static SessionUserspace of(Session s, SessionVcpus v) {
        UserspaceExits[] q = new UserspaceExits[s.files()];
        boolean anyQemu = false;
        for (int f = 0; f < s.files(); f++) {
            q[f] = UserspaceExits.of(s.store(f));
            anyQemu |= q[f].size() > 0;
        }
        SessionUserspace out;
        if (anyQemu) {
            out = new SessionUserspace(Source.QEMU, v);
            for (int f = 0; f < s.files(); f++) {
                if (q[f].size() == 0) continue;
                EventStore st = s.store(f);
                out.add(f, q[f], st.countOfType(st.typeId("kvm_run_exit")) - q[f].size());
            }
            return out;
        }
        out = new SessionUserspace(Source.NONE, v);
        for (int f = 0; f < s.files(); f++) {
            UserspaceExits k = KernelUserspaceExits.of(s.store(f));
            if (k.size() == 0) continue;
            if (out.source == Source.NONE) out = new SessionUserspace(Source.KERNEL, v);
            out.add(f, k, KernelUserspaceExits.exits(s.store(f)) - k.size());
        }
        return out;
    }

    private void add(int f, UserspaceExits x, long notPaired) {
        files.add(f);
        unpaired += Math.max(0, notPaired);
        int m = n + x.size();
        dur = Arrays.copyOf(dur, m);
        reason = Arrays.copyOf(reason, m);
        vcpu = Arrays.copyOf(vcpu, m);
        row = Arrays.copyOf(row, m);
        for (int i = 0; i < x.size(); i++, n++) {
            dur[n] = x.duration(i);
            reason[n] = x.reason(i);
            int r = x.tid(i) > 0 ? vcpus.row(f, x.tid(i)) : -1;
            if (r < 0 && x.vcpu(i) >= 0) r = vcpus.rowOfIndex(f, x.vcpu(i));
            row[n] = r;
            vcpu[n] = r >= 0 ? vcpus.vcpu(r) : x.vcpu(i);
        }
    }

    public Source source() {
        return source;
    }

    /** Files the intervals were read from, in session order. */
    public List<Integer> files() {
        return List.copyOf(files);
    }

    public int size() {
        return n;
    }

    /** Exits whose way back into the guest was not seen (trace ends, lost events). */
    public long unpaired() {
        return unpaired;
    }

    /**
     * The {@code perf kvm stat}-style table: one row per exit reason, or per session vCPU row
     * with {@code byVcpu}; {@code vcpuFilter} ≥ 0 keeps one vCPU index.
     */
    public StatTable table(boolean byVcpu, int vcpuFilter) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] group = new int[n];
        long[] d = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (vcpuFilter >= 0 && vcpu[i] != vcpuFilter) continue;
            String key = byVcpu ? (row[i] >= 0 ? vcpus.key(row[i]) : vcpu[i] >= 0 ? Integer.toString(vcpu[i]) : "?")
                    : UserspaceExits.reasonName(reason[i]);
            Integer id = ids.get(key);
            if (id == null) {
                id = names.size();
                ids.put(key, id);
                names.add(key);
            }
            group[k] = id;
            d[k++] = dur[i];
        }
        return StatTable.build("userspace", group, d, k, names.toArray(new String[0]), unpaired);
    }

    /** Durations of one reason (null: all) and vCPU index (-1: all), for histograms and percentiles. */
    public Latencies latencies(Integer reasonFilter, int vcpuFilter) {
        return Latencies.select(dur, n, i -> (reasonFilter == null || reason[i] == reasonFilter) && (vcpuFilter < 0 || vcpu[i] == vcpuFilter));
    }
}
