package dev.virtscope.analysis.kvm;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import dev.virtscope.analysis.latency.Latencies;
import dev.virtscope.decode.kvm.ExitReasons;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.StringTable;

/**
 * Every kvm_exit of a trace paired with the next kvm_entry of the same vCPU thread (tid), computed once
 * into primitive arrays (one row per exit, in time order). Events without a usable tid (≤ 0) are paired by
 * CPU instead. A pair is never made across a lost-events marker on the exit's or the entry's CPU; such
 * exits, exits followed by another exit of the same thread, and exits still open at the end of the trace
 * are kept as unpaired rows (duration -1) and counted by cause.
 *
 * <p>Sub-key per row: the host vector for VMX EXTERNAL_INTERRUPT exits (intr_info bits 7:0),
 * the port of the kvm_pio, the MSR index of the kvm_msr, or the gpa of the kvm_mmio seen between the exit
 * and its entry on the same thread — kvm_exit itself never prints the MSR index or port.
 *
 * <p>The same sweep ({@link ExitSweep}) keeps the kvm_msr / kvm_pio accesses paired with their kvm_entry for
 * kvm-stat's msr and ioport tables, so every payload is read once. On large text traces the sweep is
 * split by thread slot over the cores; the rows, ids and counts are those of one sweep in time order.
 */
public final class KvmExits {
    public static final int NO_VALUE = -1;

    final EventStore store;
    int size;
    // the exit's time and tid are the store's columns at exitIdx: no copy of them per row
    int[] exitIdx, entryIdx, reason, vcpu, cpu;
    /** userspaceNs is null when the trace has no kvm_userspace_exit: every row's is -1 */
    long[] durNs, subKey, userspaceNs;
    /** reason id → printed name, isa, code */
    final StringTable reasons = new StringTable();
    int[] reasonIsa = new int[0], reasonCode = new int[0];
    boolean[] reasonInterrupt = new boolean[0];
    long unpairedAtEnd, unpairedReplaced, unpairedLost, entriesWithoutExit, pairedCount;
    /** kvm_msr / kvm_pio paired with the next kvm_entry of their thread, for kvm-stat's msr and ioport tables */
    AccessPairs msrPairs, pioPairs;
    /** time in guest per row: from this exit's previous entry on the same thread to the exit (−1 unknown) */
    long[] guestBeforeNs;

    private KvmExits(EventStore s) {
        store = s;
    }

    /** Below this many events one worker does the whole sweep: starting a second costs more than it saves. */
    static final int PARALLEL_MIN_EVENTS = 1 << 16;

    public static KvmExits of(EventStore s) {
        int cores = Runtime.getRuntime().availableProcessors();
        // binary payloads are rendered by the format's renderer, which is not required to be thread-safe
        boolean parallel = s.size() >= PARALLEL_MIN_EVENTS && s.payloadRenderer() == null;
        return of(s, parallel ? Math.min(cores, 8) : 1);
    }

    /** The same rows and counts whatever the number of workers (the pairing is split by thread slot). */
    static KvmExits of(EventStore s, int workers) {
        KvmExits k = new KvmExits(s);
        k.compute(Math.max(1, workers));
        return k;
    }

    private void compute(int workers) {
        EventStore s = store;
        int exitT = s.typeId("kvm_exit");
        int rows = (int) s.countOfType(exitT);
        int cap = Math.max(16, rows);
        exitIdx = new int[cap];
        entryIdx = new int[cap];
        reason = new int[cap];
        vcpu = new int[cap];
        cpu = new int[cap];
        durNs = new long[cap];
        subKey = new long[cap];
        userspaceNs = s.typeId("kvm_userspace_exit") >= 0 ? new long[cap] : null;
        guestBeforeNs = new long[cap];
        msrPairs = new AccessPairs();
        pioPairs = new AccessPairs();
        if (exitT < 0) {
            trim();
            return;
        }
        ThreadSlots slots = new ThreadSlots(s);
        int[] owner = workers > 1 ? slots.owners(workers) : null;
        if (owner == null) workers = 1;               // one thread slot has all the events
        ExitSweep[] w = new ExitSweep[workers];
        for (int k = 0; k < workers; k++) w[k] = new ExitSweep(this, slots, owner, k, workers);
        runAll(w);
        int holes = 0;
        AccessPairs[] msr = new AccessPairs[workers], pio = new AccessPairs[workers];
        for (int k = 0; k < workers; k++) {
            ExitSweep x = w[k];
            unpairedAtEnd += x.unpairedAtEnd;
            unpairedReplaced += x.unpairedReplaced;
            unpairedLost += x.unpairedLost;
            entriesWithoutExit += x.entriesWithoutExit;
            holes += x.holes;
            msr[k] = x.msr;
            pio[k] = x.pio;
        }
        msrPairs = AccessPairs.merge(msr);
        pioPairs = AccessPairs.merge(pio);
        size = rows;
        if (holes > 0) dropHoles();
        numberReasons(w);
        trim();
        for (int r = 0; r < size; r++) if (durNs[r] >= 0) pairedCount++;
        if (workers > 1) groupByNumberAside();
    }

    /**
     * The vCPU and CPU groups the views and kvm-stat ask for, with each group's summary, made on a thread
     * of its own (created here, so it has the caller's priority) while the caller goes on: it asks for the
     * reasons' groups first, which it makes itself. Only after a split sweep: the trace is large and a
     * second core is there.
     */
    private void groupByNumberAside() {
        byVcpuAside = new FutureTask<>(() -> summarised(ExitGroups.of(vcpu, durNs, size)));
        byCpuAside = new FutureTask<>(() -> summarised(ExitGroups.of(cpu, durNs, size)));
        Thread t = new Thread(() -> {
            byVcpuAside.run();
            byCpuAside.run();
        }, "kvm-exit-groups");
        t.setDaemon(true);
        t.start();
    }

    private static ExitGroups summarised(ExitGroups g) {
        for (int key = -1; key < g.groups() - 1; key++) {
            Latencies l = g.of(key);
            if (l.size() > 0) l.summary();
        }
        return g;
    }

    private static ExitGroups await(FutureTask<ExitGroups> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;             // the groups are needed: finish waiting, keep the flag
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error r) throw r;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the sweeps at once: workers 1.. on threads of their own (a pool could run a queued sweep on
     * the caller after its own, which would make the split pointless), worker 0 on the caller.
     */
    private static void runAll(ExitSweep[] w) {
        if (w.length == 1) {
            w[0].run();
            return;
        }
        Throwable[] failed = new Throwable[w.length];
        Thread[] t = new Thread[w.length];
        for (int k = 1; k < w.length; k++) {
            int me = k;
            t[k] = new Thread(() -> {
                try {
                    w[me].run();
                } catch (Throwable e) {
                    failed[me] = e;
                }
            }, "kvm-exit-sweep-" + k);
            t[k].setDaemon(true);
            t[k].start();
        }
        w[0].run();
        boolean interrupted = false;
        for (int k = 1; k < w.length; k++) {
            while (true) {
                try {
                    t[k].join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;                 // the rows must be complete: finish waiting, keep the flag
                }
            }
            if (failed[k] instanceof RuntimeException r) throw r;
            if (failed[k] instanceof Error e) throw e;
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Removes the rows of exits whose payload did not parse (exitIdx -1), keeping the others' order. */
    private void dropHoles() {
        int n = 0;
        for (int r = 0; r < size; r++) {
            if (exitIdx[r] < 0) continue;
            exitIdx[n] = exitIdx[r];
            entryIdx[n] = entryIdx[r];
            reason[n] = reason[r];
            vcpu[n] = vcpu[r];
            cpu[n] = cpu[r];
            durNs[n] = durNs[r];
            subKey[n] = subKey[r];
            if (userspaceNs != null) userspaceNs[n] = userspaceNs[r];
            guestBeforeNs[n] = guestBeforeNs[r];
            n++;
        }
        size = n;
    }

    /**
     * Gives the reasons the ids a single sweep in time order would give (order of first appearance) and
     * looks each one's ISA and code up once; rewrites the worker-local ids of the reason column.
     */
    private void numberReasons(ExitSweep[] w) {
        int workers = w.length, total = 0, most = 0;
        for (ExitSweep x : w) {
            total += x.reasons.size();
            most = Math.max(most, x.reasons.size());
        }
        long[] order = new long[total];                // first row << 24 | local id * workers + worker
        int n = 0;
        for (int k = 0; k < workers; k++) {
            for (int l = 0; l < w[k].reasons.size(); l++) order[n++] = (long) w[k].firstRow[l] << 24 | (l * workers + k);
        }
        Arrays.sort(order);
        int[] global = new int[most * workers];
        boolean identity = true;
        for (long o : order) {
            int code = (int) (o & 0xffffff), k = code % workers, l = code / workers;
            int before = reasons.size();
            int id = reasons.intern(w[k].reasonBytes[l], 0, w[k].reasonBytes[l].length);
            global[code] = id;
            identity &= id == code;
            if (id == before) describeReason(id, w[k].isaSeen[l]);
        }
        if (identity) return;
        for (int r = 0; r < size; r++) reason[r] = global[reason[r]];
    }

    private void describeReason(int id, long isa) {
        if (id >= reasonIsa.length) {
            reasonIsa = Arrays.copyOf(reasonIsa, id + 8);
            reasonCode = Arrays.copyOf(reasonCode, id + 8);
            reasonInterrupt = Arrays.copyOf(reasonInterrupt, id + 8);
        }
        String name = reasons.get(id);
        reasonInterrupt[id] = "EXTERNAL_INTERRUPT".equals(name);
        long packed = ExitReasons.lookup(name);
        if (packed < 0) {
            // VMX may append flags after the name (FAILED_VMENTRY): look the first word up
            int sp = name.indexOf(' ');
            if (sp > 0) packed = ExitReasons.lookup(name.substring(0, sp));
        }
        reasonIsa[id] = isa > 0 ? (int) isa : ExitReasons.isaOf(packed);
        reasonCode[id] = packed < 0 ? -1 : ExitReasons.codeOf(packed);
    }

    static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** The pairing key: the thread when known, else the CPU (negative so it never meets a tid). */
    static int key(EventStore s, int i) {
        int t = s.tid(i);
        return t > 0 ? t : -2 - s.cpu(i);
    }

    private void trim() {
        if (exitIdx.length == size) return;          // the usual case: every exit parsed, no copy
        exitIdx = Arrays.copyOf(exitIdx, size);
        entryIdx = Arrays.copyOf(entryIdx, size);
        reason = Arrays.copyOf(reason, size);
        vcpu = Arrays.copyOf(vcpu, size);
        cpu = Arrays.copyOf(cpu, size);
        durNs = Arrays.copyOf(durNs, size);
        subKey = Arrays.copyOf(subKey, size);
        if (userspaceNs != null) userspaceNs = Arrays.copyOf(userspaceNs, size);
        guestBeforeNs = Arrays.copyOf(guestBeforeNs, size);
    }

    // ---- queries ----

    public EventStore store() {
        return store;
    }

    /** Number of exits (rows), paired or not. */
    public int size() {
        return size;
    }

    public boolean paired(int r) {
        return durNs[r] >= 0;
    }

    public long paired() {
        return pairedCount;
    }

    public int exitIndex(int r) {
        return exitIdx[r];
    }

    /** Event index of the matching kvm_entry, or -1. */
    public int entryIndex(int r) {
        return entryIdx[r];
    }

    public long startNs(int r) {
        return store.ts(exitIdx[r]);
    }

    /** exit → entry, or -1 when unpaired */
    public long durationNs(int r) {
        return durNs[r];
    }

    public int vcpu(int r) {
        return vcpu[r];
    }

    public int cpu(int r) {
        return cpu[r];
    }

    public int tid(int r) {
        return store.tid(exitIdx[r]);
    }

    public int reasonId(int r) {
        return reason[r];
    }

    public String reasonName(int r) {
        return reasons.get(reason[r]);
    }

    /** All distinct printed reasons, by id. */
    public int reasonCount() {
        return reasons.size();
    }

    public String reasonNameOfId(int id) {
        return reasons.get(id);
    }

    /** Id of a printed reason, or -1 when no exit has it. */
    public int reasonIdOf(String name) {
        return reasons.find(name);
    }

    public int isaOfReason(int id) {
        return reasonIsa[id];
    }

    /** Exit code of a reason (VMX basic reason or SVM exit code), or -1 when not in the tables. */
    public int codeOfReason(int id) {
        return reasonCode[id];
    }

    /** Host vector, port, MSR index or gpa attached to the exit, or -1. */
    public long subKey(int r) {
        return subKey[r];
    }

    /** Time from kvm_userspace_exit to kvm_entry inside this exit, or -1 when it did not go to userspace. */
    public long userspaceNs(int r) {
        return userspaceNs == null ? -1 : userspaceNs[r];
    }

    /** Guest time that ended with this exit (previous entry of the thread → this exit), or -1. */
    public long guestBeforeNs(int r) {
        return guestBeforeNs[r];
    }

    public long unpairedAtEnd() {
        return unpairedAtEnd;
    }

    /** exits followed by another exit of the same thread before any entry (an entry went missing) */
    public long unpairedReplaced() {
        return unpairedReplaced;
    }

    public long unpairedLost() {
        return unpairedLost;
    }

    public long unpairedTotal() {
        return size - paired();
    }

    /** kvm_entry events with no open exit (the first entry of each thread, or after a break) */
    public long entriesWithoutExit() {
        return entriesWithoutExit;
    }

    /** Durations of the paired exits that the filter accepts, for histograms and percentiles. */
    public Latencies latencies(ExitFilter f) {
        // one pass over the primitive columns; the reason name is resolved to its id once
        int rid = f.reason() == null ? -1 : reasons.find(f.reason());
        if (f.reason() != null && rid < 0) return new Latencies(new long[0], 0);
        Latencies grouped = grouped(f, rid);
        if (grouped != null) return grouped;
        long[] out = new long[size];
        int n = 0;
        int v = f.vcpu(), c = f.cpu();
        long sk = f.subKey(), from = f.fromNs(), to = f.toNs();
        for (int r = 0; r < size; r++) {
            long d = durNs[r];
            if (d < 0 || (rid >= 0 && reason[r] != rid) || (v >= 0 && vcpu[r] != v) || (c >= 0 && cpu[r] != c)
                    || (sk >= 0 && subKey[r] != sk)) continue;
            long start = store.ts(exitIdx[r]);
            if (start < from || start >= to) continue;
            out[n++] = d;
        }
        return new Latencies(out, n);
    }

    private ExitGroups byReason, byVcpu, byCpu, all;
    private FutureTask<ExitGroups> byVcpuAside, byCpuAside;

    /**
     * The common queries — everything, or one reason, one vCPU or one CPU over the whole trace — answered
     * from groupings made once per column (null for any other filter, which takes the scan).
     */
    private synchronized Latencies grouped(ExitFilter f, int rid) {
        boolean whole = f.subKey() < 0 && f.fromNs() == Long.MIN_VALUE && f.toNs() == Long.MAX_VALUE;
        if (!whole) return null;
        int set = (rid >= 0 ? 1 : 0) + (f.vcpu() >= 0 ? 1 : 0) + (f.cpu() >= 0 ? 1 : 0);
        if (set > 1) return null;
        if (rid >= 0) return groups(KvmStat.By.KEY).of(rid);
        if (f.vcpu() >= 0) return groups(KvmStat.By.VCPU).of(f.vcpu());
        if (f.cpu() >= 0) return groups(KvmStat.By.CPU).of(f.cpu());
        if (all == null) all = ExitGroups.all(durNs, size, pairedCount);
        return all.of(0);
    }

    /** The paired durations grouped by reason id (KEY), vCPU or CPU; shared by the histograms and kvm-stat vmexit. */
    ExitGroups groups(KvmStat.By by) {
        if (by == KvmStat.By.VCPU && byVcpuAside != null) return await(byVcpuAside);
        if (by == KvmStat.By.CPU && byCpuAside != null) return await(byCpuAside);
        return madeHere(by);
    }

    private synchronized ExitGroups madeHere(KvmStat.By by) {
        return switch (by) {
            case KEY -> byReason != null ? byReason : (byReason = ExitGroups.of(reason, durNs, size));
            case VCPU -> byVcpu != null ? byVcpu : (byVcpu = ExitGroups.of(vcpu, durNs, size));
            case CPU -> byCpu != null ? byCpu : (byCpu = ExitGroups.of(cpu, durNs, size));
        };
    }
}
