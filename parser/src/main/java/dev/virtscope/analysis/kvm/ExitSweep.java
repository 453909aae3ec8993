package dev.virtscope.analysis.kvm;

import java.util.Arrays;

import dev.virtscope.analysis.latency.LostMarkers;
import dev.virtscope.decode.ByteText;
import dev.virtscope.decode.kvm.HostVectors;
import dev.virtscope.decode.kvm.KvmAccess;
import dev.virtscope.decode.kvm.KvmEntry;
import dev.virtscope.decode.kvm.KvmExit;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.Payload;
import dev.virtscope.store.StringTable;

/**
 * One pass of the exit pairing over the events of the thread slots one worker owns (all slots when
 * there is one worker). Pairing state is per slot, and the lost-marker test only looks at the two
 * events of a pair, so workers on disjoint slots never need each other's state. Every worker still
 * walks the whole type column to number the exits: row r is the r-th kvm_exit of the trace, so each
 * worker writes its rows straight into the shared columns of {@link KvmExits} at their final place
 * (an exit whose payload does not parse leaves a hole, removed afterwards). Walking the store's
 * per-task index instead (only the worker's own events) was tried and measured slower: the payloads of
 * one thread are spread over the whole arena, and reading them in that order defeats the hardware
 * prefetch that a walk in arena order gets, which cost more than the skipped events.
 *
 * <p>The same pass pairs kvm_msr and kvm_pio with the next kvm_entry of the slot, as perf kvm stat's
 * msr and ioport tables do, so those payloads are read once. Reasons get ids local to the worker,
 * stored as {@code local * workers + worker}; {@link KvmExits} renumbers them in first-seen order.
 */
final class ExitSweep implements Runnable {
    private final KvmExits k;
    private final EventStore s;
    private final ThreadSlots slots;
    private final int[] owner;
    private final int me, workers;

    final StringTable reasons = new StringTable();
    private final KnownReasons known = new KnownReasons();
    /** per local reason: its bytes, the first row that has it, whether it is a VMX/SVM interrupt exit */
    byte[][] reasonBytes = new byte[8][];
    int[] firstRow = new int[8];
    long[] isaSeen = new long[8];
    private boolean[] interrupt = new boolean[8];
    long unpairedAtEnd, unpairedReplaced, unpairedLost, entriesWithoutExit;
    int holes;
    final AccessPairs msr = new AccessPairs(), pio = new AccessPairs();

    private int exitT, entryT, pioT, msrT, mmioT, uexitT;
    private LostMarkers lost;
    private boolean anyLost;
    // slot → pairing state
    private int[] open, lastEntry, uexitAt, msrOpen, pioOpen;
    private long[] openTs, msrKey, pioKey;
    private boolean[] msrWrite, pioWrite;
    private final Payload p = new Payload();
    private final KvmExit x = new KvmExit();
    private final KvmEntry en = new KvmEntry();
    private final KvmAccess acc = new KvmAccess();

    /** @param owner slot → worker, or null when one worker does every slot */
    ExitSweep(KvmExits k, ThreadSlots slots, int[] owner, int me, int workers) {
        this.k = k;
        this.s = k.store;
        this.slots = slots;
        this.owner = owner;
        this.me = me;
        this.workers = workers;
    }

    @Override
    public void run() {
        EventStore s = this.s;
        exitT = s.typeId("kvm_exit");
        entryT = s.typeId("kvm_entry");
        pioT = s.typeId("kvm_pio");
        msrT = s.typeId("kvm_msr");
        mmioT = s.typeId("kvm_mmio");
        uexitT = s.typeId("kvm_userspace_exit");
        lost = new LostMarkers(s.lost());
        anyLost = !lost.isEmpty();
        int nSlots = slots.count();
        open = KvmExits.filled(nSlots);        // slot → row of the exit waiting for its entry
        openTs = new long[nSlots];             // slot → time of that exit
        lastEntry = KvmExits.filled(nSlots);   // slot → event index of the latest kvm_entry
        uexitAt = KvmExits.filled(nSlots);     // slot → event index of kvm_userspace_exit inside the open exit
        // slot → the open kvm_msr / kvm_pio begin of the access tables: event index, key, direction
        msrOpen = KvmExits.filled(nSlots);
        pioOpen = KvmExits.filled(nSlots);
        msrKey = new long[nSlots];
        pioKey = new long[nSlots];
        msrWrite = new boolean[nSlots];
        pioWrite = new boolean[nSlots];
        sweep();
        // exits still open when the trace ends: the latest open row per slot
        for (int r : open) if (r >= 0) unpairedAtEnd++;
    }

    private void sweep() {
        EventStore s = this.s;
        int exitT = this.exitT, entryT = this.entryT, pioT = this.pioT, msrT = this.msrT, mmioT = this.mmioT,
                uexitT = this.uexitT;
        LostMarkers lost = this.lost;
        boolean anyLost = this.anyLost;
        int[] open = this.open, lastEntry = this.lastEntry, uexitAt = this.uexitAt, msrOpen = this.msrOpen,
                pioOpen = this.pioOpen;
        long[] openTs = this.openTs, msrKey = this.msrKey, pioKey = this.pioKey;
        boolean[] msrWrite = this.msrWrite, pioWrite = this.pioWrite;
        int[] exitIdx = k.exitIdx, entryIdx = k.entryIdx, reason = k.reason, vcpu = k.vcpu, cpu = k.cpu;
        long[] durNs = k.durNs, subKey = k.subKey, userspaceNs = k.userspaceNs, guestBeforeNs = k.guestBeforeNs;
        Payload p = this.p;
        KvmAccess acc = this.acc;
        int n = s.size();
        int row = -1;
        for (int i = 0; i < n; i++) {
            int t = s.type(i);
            if (t == exitT) row++;
            else if (t != entryT && t != pioT && t != msrT && t != mmioT && t != uexitT) continue;
            int key = slots.of(i);
            if (owner != null && owner[key] != me) continue;
            if (t == exitT) {
                int r = row;
                PayloadText.of(s, i, p);
                long hostVector = exitKey(p.bytes, p.start, p.end, r);
                if (hostVector == NOT_PARSED) {
                    exitIdx[r] = -1;
                    holes++;
                    continue;
                }
                int prev = open[key];
                if (prev >= 0) {
                    if (anyLost && crosses(lost, s, exitIdx[prev], i)) unpairedLost++;
                    else unpairedReplaced++;
                }
                exitIdx[r] = i;
                entryIdx[r] = -1;
                durNs[r] = -1;
                if (userspaceNs != null) userspaceNs[r] = -1;
                long ts = s.ts(i);
                cpu[r] = s.cpu(i);
                reason[r] = lastLocal * workers + me;
                vcpu[r] = lastVcpu >= 0 ? (int) lastVcpu : taskVcpu(s, i);
                subKey[r] = hostVector;
                int le = lastEntry[key];
                guestBeforeNs[r] = le >= 0 && !(anyLost && crosses(lost, s, le, i)) ? ts - s.ts(le) : -1;
                open[key] = r;
                openTs[key] = ts;
                uexitAt[key] = -1;
            } else if (t == entryT) {
                lastEntry[key] = i;
                int b = msrOpen[key];
                if (b >= 0) {
                    msr.add(b, i, msrKey[key], msrWrite[key]);
                    msrOpen[key] = -1;
                }
                b = pioOpen[key];
                if (b >= 0) {
                    pio.add(b, i, pioKey[key], pioWrite[key]);
                    pioOpen[key] = -1;
                }
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
                long ts = s.ts(i);
                durNs[r] = ts - openTs[key];
                if (vcpu[r] < 0) {
                    PayloadText.of(s, i, p);
                    if (en.parse(p.bytes, p.start, p.end) && en.vcpu >= 0) vcpu[r] = (int) en.vcpu;
                }
                int u = uexitAt[key];
                if (u >= 0) userspaceNs[r] = ts - s.ts(u);
            } else if (t == msrT || t == pioT) {
                // parsed whether or not an exit is open: the access tables pair every access
                PayloadText.of(s, i, p);
                boolean ok;
                if (t == msrT) {
                    ok = acc.parseMsrKey(p.bytes, p.start, p.end);
                    if (ok) {
                        msrOpen[key] = i;
                        msrKey[key] = acc.key;
                        msrWrite[key] = acc.write;
                    }
                } else {
                    ok = acc.parsePio(p.bytes, p.start, p.end);
                    if (ok) {
                        pioOpen[key] = i;
                        pioKey[key] = acc.key;
                        pioWrite[key] = acc.write;
                    }
                }
                int r = open[key];
                if (ok && r >= 0 && subKey[r] < 0) subKey[r] = acc.key;
            } else {
                int r = open[key];
                if (r < 0) continue;
                if (t == uexitT) {
                    if (uexitAt[key] < 0) uexitAt[key] = i;
                    continue;
                }
                if (subKey[r] >= 0) continue;
                PayloadText.of(s, i, p);
                if (acc.parseMmio(p.bytes, p.start, p.end)) subKey[r] = acc.key;
            }
        }
    }

    private static final long NOT_PARSED = Long.MIN_VALUE;
    /** what {@link #exitKey} found besides the sub-key: the local reason id and the printed vcpu (or -1) */
    private int lastLocal;
    private long lastVcpu;

    /**
     * Reads an exit's reason and vcpu into {@link #lastLocal} / {@link #lastVcpu}; returns its sub-key (the
     * host vector of an interrupt exit, else -1), or {@link #NOT_PARSED}. The kernel's form with a reason
     * seen before is recognised by comparing bytes; anything else takes {@link KvmExit#parseKey}, whose
     * result the quick path equals.
     */
    private long exitKey(byte[] b, int st, int e, int row) {
        // "vcpu N reason R rip ": parseKey finds "reason " right after the digits and R up to " rip "
        if (e - st > 14 && b[st] == 'v' && b[st + 1] == 'c' && b[st + 2] == 'p' && b[st + 3] == 'u' && b[st + 4] == ' ') {
            int j = st + 5;
            long v = 0;
            while (j < e && ByteText.isDigit(b[j])) v = v * 10 + (b[j++] - '0');
            int digits = j - st - 5;
            if (digits >= 1 && digits <= 18 && j + 8 < e && b[j] == ' ' && b[j + 1] == 'r' && b[j + 2] == 'e'
                    && b[j + 3] == 'a' && b[j + 4] == 's' && b[j + 5] == 'o' && b[j + 6] == 'n' && b[j + 7] == ' ') {
                int id = known.match(b, j + 8, e);
                if (id >= 0) {
                    lastLocal = id;
                    lastVcpu = v;
                    if (!interrupt[id]) return -1;
                    // the same search parseKey makes for EXTERNAL_INTERRUPT
                    int at = ByteText.indexOf(b, j + 8 + known.bytesOf(id).length, e, " intr_info ");
                    if (at < 0) return -1;
                    int hs = at + 11, he = hs;
                    while (he < e && !ByteText.isSpace(b[he])) he++;
                    long intrInfo = ByteText.parseHex(b, hs, he);
                    return intrInfo == KvmExit.ABSENT ? -1 : HostVectors.vectorOf(intrInfo);
                }
            }
        }
        if (!x.parseKey(b, st, e)) return NOT_PARSED;
        int id = reasonId(x, row);
        lastLocal = id;
        lastVcpu = x.vcpu;
        return interrupt[id] ? x.hostVector() : -1;
    }

    private static boolean crosses(LostMarkers lost, EventStore s, int a, int b) {
        long t0 = s.ts(a), t1 = s.ts(b);
        return lost.crosses(s.cpu(a), t0, t1) || lost.crosses(s.cpu(b), t0, t1);
    }

    private static int taskVcpu(EventStore s, int i) {
        int ti = s.taskIndex(i);
        return ti < 0 ? -1 : s.tasks().vcpu(ti);
    }

    private int reasonId(KvmExit x, int row) {
        int before = reasons.size();
        int id = reasons.intern(x.bytes, x.reasonStart, x.reasonEnd - x.reasonStart);
        if (id < before) return id;
        // a reason this worker sees for the first time
        if (id == reasonBytes.length) {
            reasonBytes = Arrays.copyOf(reasonBytes, id * 2);
            firstRow = Arrays.copyOf(firstRow, id * 2);
            isaSeen = Arrays.copyOf(isaSeen, id * 2);
            interrupt = Arrays.copyOf(interrupt, id * 2);
        }
        reasonBytes[id] = Arrays.copyOfRange(x.bytes, x.reasonStart, x.reasonEnd);
        firstRow[id] = row;
        isaSeen[id] = x.isa;
        // VMX only: SVM's intr_info of an interrupt exit is EXITINTINFO (an event being delivered to the
        // guest), not the host vector, which SVM does not report
        interrupt[id] = "EXTERNAL_INTERRUPT".equals(reasons.get(id));
        known.add(id, reasonBytes[id]);
        return id;
    }
}
