package dev.virtscope.format.ftrace;

import dev.virtscope.decode.ByteText;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.IntIntMap;
import dev.virtscope.store.TaskTable;

/**
 * Keeps the task table up to date while lines are read: the comm and tgid of each event's own
 * task, plus the comms and pids named inside sched_switch and sched_wakeup/sched_waking payloads
 * (the only place where the next task of a CPU is named). Works on bytes; a String is made only
 * the first time a comm is interned.
 */
final class TaskLearner {
    // the payload keys looked for in every sched event, as bytes: compared without String.charAt
    private static final byte[] PREV_COMM = ByteText.ascii("prev_comm="), PREV_PID = ByteText.ascii(" prev_pid="),
            NEXT_COMM = ByteText.ascii("next_comm="), NEXT_PID = ByteText.ascii(" next_pid="), ARROW = ByteText.ascii(" ==> "),
            COMM = ByteText.ascii("comm="), PID = ByteText.ascii(" pid="), CHILD_COMM = ByteText.ascii(" child_comm="),
            CHILD_PID = ByteText.ascii(" child_pid=");

    private final EventStoreBuilder out;
    private final NameCache comms;
    /** tid → comm id last recorded, so unchanged comms cost one lookup. */
    private final IntIntMap lastComm = new IntIntMap(-1);
    private final IntIntMap tgidOf = new IntIntMap(-1);
    private int[] tids = new int[64];
    private int tidCount;

    /** Non-null while one chunk of a file is parsed apart from the others: findings go here, in order. */
    private final TaskLog log;

    TaskLearner(EventStoreBuilder out) {
        this(out, null);
    }

    TaskLearner(EventStoreBuilder out, TaskLog log) {
        this.out = out;
        this.comms = new NameCache(out.comms);
        this.log = log;
    }

    /** The task of an event line. */
    void line(FtraceLine l, byte[] b, long ts) {
        if (l.tgid >= 0) tgid(l.pid, l.tgid);
        if (l.commUnknown) return;
        if (l.commTruncated) truncated(l.pid, b, l.commStart, l.commEnd, ts);
        else seen(l.pid, b, l.commStart, l.commEnd, ts);
    }

    void tgid(int pid, int tgid) {
        if (tgidOf.get(pid) == tgid) return;
        tgidOf.put(pid, tgid);
        if (log != null) log.tgid(pid, tgid);
        else out.tasks.tgid(pid, tgid);
    }

    /** A comm cut to 8 characters by the latency format, b[s,e). */
    void truncated(int pid, byte[] b, int s, int e, long ts) {
        // what a cut comm means depends on the comm known before: when this chunk has not seen the
        // task yet, that is decided when the chunks are put together in file order
        if (log != null && lastComm.get(pid) < 0) {
            log.truncated(pid, b, s, e, ts);
            return;
        }
        if (knownStartsWith(pid, b, s, e)) return;
        int n = completeVcpuName(b, s, e);
        if (n > 0) seen(pid, vcpuName, 0, n, ts);
        else seen(pid, b, s, e, ts);
    }

    private final byte[] vcpuName = new byte[11];

    /**
     * The latency format cuts comms to 8 characters, so QEMU's {@code CPU 12/KVM} prints as
     * {@code CPU 12/K}. When no longer comm is known for the tid, a cut comm that can only be the start
     * of {@code CPU <n>/KVM} ({@code CPU 0/KV}, {@code CPU 12/K}, {@code CPU 123/}) is completed, so vCPU
     * threads are still recognised. Fills {@link #vcpuName}; returns its length, or -1.
     */
    private int completeVcpuName(byte[] b, int s, int e) {
        if (e - s != 8 || !ByteText.startsWith(b, s, e, "CPU ")) return -1;
        int d = s + 4;
        while (d < e && ByteText.isDigit(b[d])) d++;
        int digits = d - s - 4;
        if (digits < 1 || digits > 3) return -1;
        String rest = "/KVM";
        for (int i = d; i < e; i++) if (b[i] != rest.charAt(i - d)) return -1;
        int n = 0;
        for (int i = s; i < d; i++) vcpuName[n++] = b[i];
        for (int i = 0; i < rest.length(); i++) vcpuName[n++] = (byte) rest.charAt(i);
        return n;
    }

    private boolean knownStartsWith(int tid, byte[] b, int s, int e) {
        int id = lastComm.get(tid);
        if (id < 0) return false;
        String known = out.comms.get(id);
        if (known.length() < e - s) return false;
        for (int i = s; i < e; i++) if (known.charAt(i - s) != (b[i] & 0xff)) return false;
        return true;
    }

    void seen(int tid, byte[] b, int s, int e, long ts) {
        if (s >= e) return;
        int id = comms.intern(b, s, e - s);
        int last = lastComm.get(tid);
        if (last == id) return;
        if (last < 0) addTid(tid);
        lastComm.put(tid, id);
        if (log != null) log.seen(tid, b, s, e, ts);
        else out.tasks.seen(tid, id, ts);
    }

    private void addTid(int tid) {
        if (tidCount == tids.length) tids = java.util.Arrays.copyOf(tids, tidCount * 2);
        tids[tidCount++] = tid;
    }

    /**
     * sched_switch, kernel form {@code prev_comm=A prev_pid=1 … ==> next_comm=B next_pid=2 …} (also
     * trace-cmd -R) or trace-cmd plugin form {@code A:1 [120] S ==> B:2 [120]}.
     */
    void schedSwitch(byte[] b, int s, int e, long ts) {
        if (ByteText.startsWith(b, s, e, PREV_COMM)) {
            keyed(b, s + 10, e, PREV_PID, ts);
            int n = ByteText.indexOf(b, s, e, NEXT_COMM);
            if (n >= 0) keyed(b, n + 10, e, NEXT_PID, ts);
            return;
        }
        int arrow = ByteText.indexOf(b, s, e, ARROW);
        if (arrow < 0) return;
        plugin(b, s, arrow, ts);
        plugin(b, arrow + 5, e, ts);
    }

    /**
     * sched_wakeup, sched_waking, sched_wakeup_new and the other sched events that start with
     * {@code comm=A pid=1} (sched_stat_*, sched_migrate_task, sched_process_exit/wait/free); the
     * fork event also names the child: {@code comm=A pid=1 child_comm=B child_pid=2}.
     */
    void wakeup(byte[] b, int s, int e, long ts) {
        if (!ByteText.startsWith(b, s, e, COMM)) return;
        keyed(b, s + 5, e, PID, ts);
        int child = ByteText.indexOf(b, s, e, CHILD_COMM);
        if (child >= 0) keyed(b, child + 12, e, CHILD_PID, ts);
    }

    /** task_rename {@code pid=1 oldcomm=A newcomm=B oom_score_adj=0}: the comm changes at this time. */
    void rename(byte[] b, int s, int e, long ts) {
        if (!ByteText.startsWith(b, s, e, "pid=")) return;
        int q = s + 4;
        while (q < e && ByteText.isDigit(b[q])) q++;
        long pid = ByteText.parseDecimal(b, s + 4, q);
        int n = ByteText.indexOf(b, q, e, " newcomm=");
        if (pid <= 0 || pid > Integer.MAX_VALUE || n < 0) return;
        int end = ByteText.indexOf(b, n + 9, e, " oom_score_adj=");
        seen((int) pid, b, n + 9, end < 0 ? e : end, ts);
    }

    /** comm value from s up to key, then the decimal pid after key. */
    private void keyed(byte[] b, int s, int e, byte[] key, long ts) {
        int k = ByteText.indexOf(b, s, e, key);
        if (k < 0) return;
        int p = k + key.length;
        int q = p;
        while (q < e && ByteText.isDigit(b[q])) q++;
        long pid = ByteText.parseDecimal(b, p, q);
        if (pid > 0 && pid <= Integer.MAX_VALUE) seen((int) pid, b, s, k, ts); // pid 0 is each CPU's idle task
    }

    /** {@code comm:pid [prio]…}: the pid is the digits between the last ':' and the " [" after the comm. */
    private void plugin(byte[] b, int s, int e, long ts) {
        int br = ByteText.indexOf(b, s, e, " [");
        if (br < 0) return;
        int colon = br - 1;
        while (colon > s && ByteText.isDigit(b[colon])) colon--;
        if (colon <= s || b[colon] != ':' || colon == br - 1) return;
        long pid = ByteText.parseDecimal(b, colon + 1, br);
        if (pid > 0 && pid <= Integer.MAX_VALUE) seen((int) pid, b, s, colon, ts);
    }

    /**
     * When the trace has no tgid column, a vCPU thread ({@code CPU n/KVM}) is given the tgid of the
     * QEMU process that most plausibly owns it: the thread named {@code qemu*} with the highest tid
     * not above the vCPU's tid (QEMU creates its vCPU threads right after its main thread starts, and
     * Linux hands out tids in increasing order). A heuristic, so it never overrides a recorded tgid.
     */
    void inferVcpuProcesses() {
        int[] qemu = new int[tidCount];
        int nq = 0;
        for (int i = 0; i < tidCount; i++) if (out.comms.get(lastComm.get(tids[i])).startsWith("qemu")) qemu[nq++] = tids[i];
        java.util.Arrays.sort(qemu, 0, nq);
        for (int i = 0; i < tidCount; i++) {
            int t = tids[i];
            if (tgidOf.get(t) >= 0 || TaskTable.vcpuFromComm(out.comms.get(lastComm.get(t))) < 0) continue;
            int at = java.util.Arrays.binarySearch(qemu, 0, nq, t);
            int k = at >= 0 ? at : -at - 2; // the largest qemu tid not above t
            if (k < 0) continue;
            int owner = qemu[k];
            out.tasks.tgid(t, owner);
            if (tgidOf.get(owner) < 0) out.tasks.tgid(owner, owner);
        }
    }
}
