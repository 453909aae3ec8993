package dev.virtscope.analysis.kvm;

import java.util.Arrays;

import dev.virtscope.analysis.latency.Latencies;
import dev.virtscope.analysis.latency.LostMarkers;
import dev.virtscope.decode.kvm.ExitReasons;
import dev.virtscope.decode.kvm.KvmAccess;
import dev.virtscope.decode.kvm.KvmEntry;
import dev.virtscope.decode.kvm.KvmExit;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.Payload;
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
 */
public final class KvmExits {
    public static final int NO_VALUE = -1;

    final EventStore store;
    int size;
    int[] exitIdx, entryIdx, reason, vcpu, cpu, tid;
    long[] startNs, durNs, subKey, userspaceNs;
    /** reason id → printed name, isa, code */
    final StringTable reasons = new StringTable();
    int[] reasonIsa = new int[0], reasonCode = new int[0];
    boolean[] reasonInterrupt = new boolean[0];
    private int reasonsKnown;
    long unpairedAtEnd, unpairedReplaced, unpairedLost, entriesWithoutExit;
    /** time in guest per row: from this exit's previous entry on the same thread to the exit (−1 unknown) */
    long[] guestBeforeNs;

    private KvmExits(EventStore s) {
        store = s;
    }

    public static KvmExits of(EventStore s) {
        KvmExits k = new KvmExits(s);
        k.compute();
        return k;
    }

    private void compute() {
        EventStore s = store;
        int exitT = s.typeId("kvm_exit"), entryT = s.typeId("kvm_entry"), pioT = s.typeId("kvm_pio"),
                msrT = s.typeId("kvm_msr"), mmioT = s.typeId("kvm_mmio"), uexitT = s.typeId("kvm_userspace_exit");
        int cap = (int) Math.max(16, s.countOfType(exitT));
        exitIdx = new int[cap];
        entryIdx = new int[cap];
        reason = new int[cap];
        vcpu = new int[cap];
        cpu = new int[cap];
        tid = new int[cap];
        startNs = new long[cap];
        durNs = new long[cap];
        subKey = new long[cap];
        userspaceNs = new long[cap];
        guestBeforeNs = new long[cap];
        if (exitT < 0) return;
        LostMarkers lost = new LostMarkers(s.lost());
        boolean anyLost = !lost.isEmpty();
        ThreadSlots slots = new ThreadSlots(s);
        int[] open = filled(slots.count());        // slot → row of the exit waiting for its entry
        int[] lastEntry = filled(slots.count());   // slot → event index of the latest kvm_entry
        int[] uexitAt = filled(slots.count());     // slot → event index of kvm_userspace_exit inside the open exit
        Payload p = new Payload();
        KvmExit x = new KvmExit();
        KvmEntry en = new KvmEntry();
        KvmAccess acc = new KvmAccess();
        int n = s.size();
        for (int i = 0; i < n; i++) {
            int t = s.type(i);
            if (t != exitT && t != entryT && t != pioT && t != msrT && t != mmioT && t != uexitT) continue;
            int key = slots.of(i);
            if (t == exitT) {
                PayloadText.of(s, i, p);
                if (!x.parseKey(p.bytes, p.start, p.end)) continue;
                int prev = open[key];
                if (prev >= 0) {
                    if (anyLost && crosses(lost, s, exitIdx[prev], i)) unpairedLost++;
                    else unpairedReplaced++;
                }
                int r = size++;
                exitIdx[r] = i;
                entryIdx[r] = -1;
                durNs[r] = -1;
                userspaceNs[r] = -1;
                startNs[r] = s.ts(i);
                cpu[r] = s.cpu(i);
                tid[r] = s.tid(i);
                reason[r] = reasonId(x);
                vcpu[r] = x.vcpu >= 0 ? (int) x.vcpu : taskVcpu(s, i);
                int v = reasonInterrupt[reason[r]] ? x.hostVector() : -1;
                subKey[r] = v;
                int le = lastEntry[key];
                guestBeforeNs[r] = le >= 0 && !(anyLost && crosses(lost, s, le, i)) ? s.ts(i) - s.ts(le) : -1;
                open[key] = r;
                uexitAt[key] = -1;
            } else if (t == entryT) {
                lastEntry[key] = i;
                int r = open[key];
                if (r < 0) {
                    entriesWithoutExit++;
                    continue;
                }
                open[key] = -1;
                int ex = exitIdx[r];
                if (anyLost && crosses(lost, s, ex, i)) {
                    unpairedLost++;
                    continue;
                }
                entryIdx[r] = i;
                durNs[r] = s.ts(i) - s.ts(ex);
                if (vcpu[r] < 0) {
                    PayloadText.of(s, i, p);
                    if (en.parse(p.bytes, p.start, p.end) && en.vcpu >= 0) vcpu[r] = (int) en.vcpu;
                }
                int u = uexitAt[key];
                if (u >= 0) userspaceNs[r] = s.ts(i) - s.ts(u);
            } else {
                int r = open[key];
                if (r < 0) continue;
                if (t == uexitT) {
                    if (uexitAt[key] < 0) uexitAt[key] = i;
                    continue;
                }
                if (subKey[r] >= 0) continue;
                PayloadText.of(s, i, p);
                boolean ok = t == pioT ? acc.parsePio(p.bytes, p.start, p.end)
                        : t == msrT ? acc.parseMsr(p.bytes, p.start, p.end) : acc.parseMmio(p.bytes, p.start, p.end);
                if (ok) subKey[r] = acc.key;
            }
        }
        unpairedAtEnd = countOpenAtEnd(open);
        trim();
    }

    private static long countOpenAtEnd(int[] open) {
        // exits still open when the trace ends: the latest open row per slot
        long c = 0;
        for (int r : open) if (r >= 0) c++;
        return c;
    }

    static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private static boolean crosses(LostMarkers lost, EventStore s, int a, int b) {
        long t0 = s.ts(a), t1 = s.ts(b);
        return lost.crosses(s.cpu(a), t0, t1) || lost.crosses(s.cpu(b), t0, t1);
    }

    /** The pairing key: the thread when known, else the CPU (negative so it never meets a tid). */
    static int key(EventStore s, int i) {
        int t = s.tid(i);
        return t > 0 ? t : -2 - s.cpu(i);
    }

    private static int taskVcpu(EventStore s, int i) {
        int ti = s.taskIndex(i);
        return ti < 0 ? -1 : s.tasks().vcpu(ti);
    }

    private int reasonId(KvmExit x) {
        int id = reasons.intern(x.bytes, x.reasonStart, x.reasonEnd - x.reasonStart);
        if (id < reasonsKnown) return id;
        // a reason seen for the first time: look its ISA and code up once
        if (id >= reasonIsa.length) {
            reasonIsa = Arrays.copyOf(reasonIsa, id + 8);
            reasonCode = Arrays.copyOf(reasonCode, id + 8);
            reasonInterrupt = Arrays.copyOf(reasonInterrupt, id + 8);
        }
        String name = reasons.get(id);
        // VMX only: SVM's intr_info of an interrupt exit is EXITINTINFO (an event being delivered to the
        // guest), not the host vector, which SVM does not report
        reasonInterrupt[id] = "EXTERNAL_INTERRUPT".equals(name);
        long packed = ExitReasons.lookup(name);
        if (packed < 0) {
            // VMX may append flags after the name (FAILED_VMENTRY): look the first word up
            int sp = name.indexOf(' ');
            if (sp > 0) packed = ExitReasons.lookup(name.substring(0, sp));
        }
        reasonIsa[id] = x.isa > 0 ? (int) x.isa : ExitReasons.isaOf(packed);
        reasonCode[id] = packed < 0 ? -1 : ExitReasons.codeOf(packed);
        reasonsKnown = id + 1;
        return id;
    }

    private void trim() {
        exitIdx = Arrays.copyOf(exitIdx, size);
        entryIdx = Arrays.copyOf(entryIdx, size);
        reason = Arrays.copyOf(reason, size);
        vcpu = Arrays.copyOf(vcpu, size);
        cpu = Arrays.copyOf(cpu, size);
        tid = Arrays.copyOf(tid, size);
        startNs = Arrays.copyOf(startNs, size);
        durNs = Arrays.copyOf(durNs, size);
        subKey = Arrays.copyOf(subKey, size);
        userspaceNs = Arrays.copyOf(userspaceNs, size);
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
        long c = 0;
        for (int r = 0; r < size; r++) if (durNs[r] >= 0) c++;
        return c;
    }

    public int exitIndex(int r) {
        return exitIdx[r];
    }

    /** Event index of the matching kvm_entry, or -1. */
    public int entryIndex(int r) {
        return entryIdx[r];
    }

    public long startNs(int r) {
        return startNs[r];
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
        return tid[r];
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
        return userspaceNs[r];
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
                    || (sk >= 0 && subKey[r] != sk) || startNs[r] < from || startNs[r] >= to) continue;
            out[n++] = d;
        }
        return new Latencies(out, n);
    }

    private ExitGroups byReason, byVcpu, byCpu, all;

    /**
     * The common queries — everything, or one reason, one vCPU or one CPU over the whole trace — answered
     * from groupings made once per column (null for any other filter, which takes the scan).
     */
    private synchronized Latencies grouped(ExitFilter f, int rid) {
        boolean whole = f.subKey() < 0 && f.fromNs() == Long.MIN_VALUE && f.toNs() == Long.MAX_VALUE;
        if (!whole) return null;
        int set = (rid >= 0 ? 1 : 0) + (f.vcpu() >= 0 ? 1 : 0) + (f.cpu() >= 0 ? 1 : 0);
        if (set > 1) return null;
        if (rid >= 0) {
            if (byReason == null) byReason = ExitGroups.of(reason, durNs, size);
            return byReason.of(rid);
        }
        if (f.vcpu() >= 0) {
            if (byVcpu == null) byVcpu = ExitGroups.of(vcpu, durNs, size);
            return byVcpu.of(f.vcpu());
        }
        if (f.cpu() >= 0) {
            if (byCpu == null) byCpu = ExitGroups.of(cpu, durNs, size);
            return byCpu.of(f.cpu());
        }
        if (all == null) all = ExitGroups.of(new int[size], durNs, size);
        return all.of(0);
    }
}
