package dev.virtscope.gui.flame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.virtscope.stack.StackStore;
import dev.virtscope.stack.flame.FlameFilter;

/**
 * One entry of the flame graph's thread filter: every sample, the threads of one process name
 * (comm), or one thread. vCPU threads (QEMU names them {@code CPU n/KVM}) come first.
 *
 * @param comm process name to keep, or null
 * @param tid  thread to keep, or -1
 */
public record ThreadChoice(String label, String comm, int tid) {
    public static final ThreadChoice ALL = new ThreadChoice("All threads", null, -1);
    private static final Pattern VCPU = Pattern.compile("CPU (\\d+)/KVM");

    /** The filter with this choice applied. */
    public FlameFilter apply(FlameFilter f) {
        return f.withComm(comm == null ? null : Pattern.quote(comm)).withTid(tid);
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * ALL, then each thread of a vCPU, then each process name and each other thread by sample
     * count. One sort of (tid, comm) keys, no object per sample.
     */
    public static List<ThreadChoice> of(StackStore st) {
        int n = st.sampleCount();
        long[] keys = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) if (st.comm(i) >= 0) keys[k++] = ((long) st.tid(i) << 32) | st.comm(i);
        keys = Arrays.copyOf(keys, k);
        Arrays.sort(keys);
        long[] perComm = new long[st.comms().size()];
        List<long[]> threads = new ArrayList<>(); // {tid, comm, samples}
        for (int i = 0; i < k; ) {
            int j = i;
            while (j < k && keys[j] >>> 32 == keys[i] >>> 32) j++;
            int tid = (int) (keys[i] >>> 32);
            // a thread that renamed itself is listed under its most frequent name
            int best = (int) keys[i], bestRun = 0;
            for (int a = i; a < j; ) {
                int b = a;
                while (b < j && keys[b] == keys[a]) b++;
                perComm[(int) keys[a]] += b - a;
                if (b - a > bestRun) {
                    bestRun = b - a;
                    best = (int) keys[a];
                }
                a = b;
            }
            threads.add(new long[] {tid, best, j - i});
            i = j;
        }
        List<ThreadChoice> others = new ArrayList<>();
        List<long[]> vcpus = new ArrayList<>(); // {vcpu, tid, samples, comm}
        List<long[]> order = new ArrayList<>(); // {kind 0 comm / 1 thread, id, samples, comm}
        for (int c = 0; c < perComm.length; c++) if (perComm[c] > 0 && !isVcpu(st.comms().get(c))) order.add(new long[] {0, c, perComm[c]});
        for (long[] t : threads) {
            Matcher m = VCPU.matcher(st.comms().get((int) t[1]));
            if (m.matches()) vcpus.add(new long[] {Long.parseLong(m.group(1)), t[0], t[2], t[1]});
            else order.add(new long[] {1, t[0], t[2], t[1]});
        }
        vcpus.sort(Comparator.<long[]>comparingLong(v -> v[0]).thenComparingLong(v -> v[1]));
        order.sort((a, b) -> Long.compare(b[2], a[2]));
        for (long[] o : order) {
            if (o[0] == 0) {
                String comm = st.comms().get((int) o[1]);
                others.add(new ThreadChoice(String.format(Locale.ROOT, "%s (all threads, %,d samples)", comm, o[2]), comm, -1));
            } else {
                others.add(new ThreadChoice(String.format(Locale.ROOT, "%s (tid %d, %,d samples)", st.comms().get((int) o[3]), o[1], o[2]),
                        null, (int) o[1]));
            }
        }
        List<ThreadChoice> out = new ArrayList<>();
        out.add(ALL);
        for (long[] v : vcpus) {
            out.add(new ThreadChoice(String.format(Locale.ROOT, "vCPU %d · %s (tid %d, %,d samples)", v[0], st.comms().get((int) v[3]), v[1], v[2]),
                    null, (int) v[1]));
        }
        out.addAll(others);
        return out;
    }

    static boolean isVcpu(String comm) {
        return VCPU.matcher(comm).matches();
    }
}
