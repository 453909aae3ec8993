package dev.virtscope.store;

import java.util.Arrays;

/**
 * Tasks (threads) seen in a trace: tid → comm (latest, plus its history), tgid where the format
 * gives it, and whether the thread is a vCPU ({@code CPU <n>/KVM}, QEMU's debug-threads name).
 * Built by {@link Builder}; immutable afterwards. Tasks are addressed by a dense index.
 */
public final class TaskTable {
    private final StringTable comms;
    private final int[] tid, comm, tgid, vcpu;
    private final IntIntMap indexOfTid;
    // comm history, sorted by (task, ts): a task's name changes with exec and prctl(PR_SET_NAME)
    private final int[] histTask, histComm;
    private final long[] histTs;

    private TaskTable(Builder b) {
        comms = b.comms;
        int n = b.size;
        tid = Arrays.copyOf(b.tid, n);
        comm = Arrays.copyOf(b.comm, n);
        tgid = Arrays.copyOf(b.tgid, n);
        vcpu = new int[n];
        indexOfTid = b.index;
        for (int i = 0; i < n; i++) {
            vcpu[i] = b.vcpu[i] >= 0 ? b.vcpu[i] : comm[i] < 0 ? -1 : vcpuFromComm(comms.get(comm[i]));
        }
        Integer[] order = new Integer[b.histSize];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> b.histTask[x] != b.histTask[y] ? Integer.compare(b.histTask[x], b.histTask[y])
                : Long.compare(b.histTs[x], b.histTs[y]));
        histTask = new int[order.length];
        histComm = new int[order.length];
        histTs = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            histTask[i] = b.histTask[order[i]];
            histComm[i] = b.histComm[order[i]];
            histTs[i] = b.histTs[order[i]];
        }
    }

    /** {@code CPU 3/KVM} → 3; anything else → -1. */
    public static int vcpuFromComm(String c) {
        if (c == null || !c.startsWith("CPU ") || !c.endsWith("/KVM")) return -1;
        String n = c.substring(4, c.length() - 4);
        if (n.isEmpty() || n.length() > 6) return -1;
        for (int i = 0; i < n.length(); i++) if (!Character.isDigit(n.charAt(i))) return -1;
        return Integer.parseInt(n);
    }

    public int size() {
        return tid.length;
    }

    /** Task index of a tid, or -1. */
    public int indexOf(int t) {
        return indexOfTid.get(t);
    }

    public int tid(int i) {
        return tid[i];
    }

    /** Latest comm of the task. */
    public String comm(int i) {
        return comm[i] < 0 ? "<...>" : comms.get(comm[i]);
    }

    /** tgid (the process), or -1 when the trace did not record it. */
    public int tgid(int i) {
        return tgid[i];
    }

    /** vCPU index when this thread runs a vCPU, else -1. */
    public int vcpu(int i) {
        return vcpu[i];
    }

    public boolean isVcpu(int i) {
        return vcpu[i] >= 0;
    }

    /** The comm the task had at time ts (the latest one known before or at ts, else its first). */
    public String commAt(int taskIndex, long ts) {
        int lo = 0, hi = histTask.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (histTask[m] < taskIndex || (histTask[m] == taskIndex && histTs[m] <= ts)) lo = m + 1;
            else hi = m;
        }
        if (lo > 0 && histTask[lo - 1] == taskIndex) return comms.get(histComm[lo - 1]);
        if (lo < histTask.length && histTask[lo] == taskIndex) return comms.get(histComm[lo]);
        return comm(taskIndex);
    }

    /** How many distinct comms this task had. */
    public int commHistorySize(int taskIndex) {
        int n = 0;
        for (int t : histTask) if (t == taskIndex) n++;
        return n;
    }

    public StringTable comms() {
        return comms;
    }

    /** Comm changes recorded (ordered by task, then time); with the three below, for merging tables. */
    int historySize() {
        return histTask.length;
    }

    int historyTask(int k) {
        return histTask[k];
    }

    String historyComm(int k) {
        return comms.get(histComm[k]);
    }

    long historyTs(int k) {
        return histTs[k];
    }

    /** Accumulates tasks while a file is parsed. */
    public static final class Builder {
        final StringTable comms;
        final IntIntMap index = new IntIntMap(-1);
        int[] tid = new int[64], comm = new int[64], tgid = new int[64], vcpu = new int[64];
        int size;
        int[] histTask = new int[64], histComm = new int[64];
        long[] histTs = new long[64];
        int histSize;

        public Builder(StringTable comms) {
            this.comms = comms;
        }

        /** Index of tid, creating the task if new (comm unknown, tgid unknown). */
        public int task(int t) {
            int i = index.get(t);
            if (i >= 0) return i;
            i = size++;
            if (i == tid.length) {
                int c = i * 2;
                tid = Arrays.copyOf(tid, c);
                comm = Arrays.copyOf(comm, c);
                tgid = Arrays.copyOf(tgid, c);
                vcpu = Arrays.copyOf(vcpu, c);
            }
            tid[i] = t;
            comm[i] = -1;
            tgid[i] = -1;
            vcpu[i] = -1;
            index.put(t, i);
            return i;
        }

        /**
         * Records that tid carried comm (an id in {@link #comms}) at time ts. Cheap when the comm is
         * unchanged, so importers call it for every event. {@code <...>} (unknown comm) should not be passed.
         */
        public void seen(int t, int commId, long ts) {
            int i = task(t);
            if (comm[i] == commId) return;
            comm[i] = commId;
            if (histSize == histTask.length) {
                int c = histSize * 2;
                histTask = Arrays.copyOf(histTask, c);
                histComm = Arrays.copyOf(histComm, c);
                histTs = Arrays.copyOf(histTs, c);
            }
            histTask[histSize] = i;
            histComm[histSize] = commId;
            histTs[histSize] = ts;
            histSize++;
        }

        public void tgid(int t, int g) {
            if (g >= 0) tgid[task(t)] = g;
        }

        /** A vCPU index learnt from an event (kvm_entry {@code vcpu N}, QEMU's kvm_run_exit cpu_index). */
        public void vcpu(int t, int v) {
            vcpu[task(t)] = v;
        }

        public TaskTable build() {
            return new TaskTable(this);
        }
    }
}
