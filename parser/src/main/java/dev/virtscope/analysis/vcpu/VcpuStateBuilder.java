package dev.virtscope.analysis.vcpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.latency.LostMarkers;
import dev.virtscope.analysis.qemu.KvmExitReason;
import dev.virtscope.decode.ByteText;
import dev.virtscope.decode.qemu.QemuArgs;
import dev.virtscope.analysis.qemu.UserspaceExits;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.IntIntMap;
import dev.virtscope.store.LostEvents;
import dev.virtscope.store.Payload;
import dev.virtscope.store.StringTable;
import dev.virtscope.store.TaskTable;

/**
 * Computes the state intervals of every vCPU thread in three layers, each in time order per thread:
 * <ol>
 * <li>guest and host-exit intervals from {@link KvmExits} (its pairing already refuses pairs across
 * lost events): guest = previous kvm_entry → kvm_exit, host = kvm_exit → kvm_entry minus the
 * userspace part;</li>
 * <li>userspace intervals from one scan: the first kvm_userspace_exit after the thread's last
 * kvm_exit/kvm_entry → its next kvm_entry (also when KVM_RUN returned without an exit, e.g.
 * {@code restart}); without kernel kvm events, QEMU's kvm_run_exit → the thread's next KVM_RUN ioctl;</li>
 * <li>not-running intervals from sched_switch (switched out → switched back in), which cut through
 * the others: a thread blocked in an HLT exit is drawn not running, not in the host.</li>
 * </ol>
 * No interval spans a lost-events marker: userspace intervals are checked against the markers of
 * both events' CPUs, not-running intervals against the markers of every CPU (the thread may have
 * been switched in on any CPU while events were lost).
 */
final class VcpuStateBuilder {
    private final EventStore s;
    private final KvmExits exits;
    private final LostMarkers lost;
    private final long[] anyLost;
    final StringTable userspaceReasons = new StringTable();
    /** thread slot → task index, and the per-thread layers */
    final List<Integer> taskOfSlot = new ArrayList<>();
    private final List<IntervalColumns> kvm = new ArrayList<>(), user = new ArrayList<>(), off = new ArrayList<>();
    private final IntIntMap slotOfTid = new IntIntMap(-1);
    /** per slot, from the scan: time the thread was last seen (its own event or a switch to it), its last
     *  kvm_entry, and the event that began a userspace state still open when the trace ends (-1) */
    private long[] lastSeen, lastEntry;
    private int[] openUser;

    VcpuStateBuilder(EventStore s, KvmExits exits) {
        this.s = s;
        this.exits = exits;
        lost = new LostMarkers(s.lost());
        anyLost = sortedLostTimes(s.lost());
    }

    /** Intervals of each thread slot, in time order, not overlapping. */
    List<IntervalColumns> build() {
        chooseThreads();
        scan();
        fromExits();
        List<IntervalColumns> out = new ArrayList<>();
        for (int k = 0; k < taskOfSlot.size(); k++) out.add(overlay(merge(kvm.get(k), user.get(k)), off.get(k)));
        return out;
    }

    /** vCPU threads: those named CPU n/KVM (or given a vCPU by an event) and those with kvm_exit events. */
    private void chooseThreads() {
        TaskTable tasks = s.tasks();
        boolean[] take = new boolean[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) take[t] = tasks.isVcpu(t);
        for (int r = 0; r < exits.size(); r++) {
            int t = tasks.indexOf(exits.tid(r));
            if (exits.tid(r) > 0 && t >= 0) take[t] = true;
        }
        for (int t = 0; t < take.length; t++) {
            if (!take[t] || tasks.tid(t) <= 0) continue;
            slotOfTid.put(tasks.tid(t), taskOfSlot.size());
            taskOfSlot.add(t);
            kvm.add(new IntervalColumns());
            user.add(new IntervalColumns());
            off.add(new IntervalColumns());
        }
    }

    private void fromExits() {
        int[] lastRow = new int[taskOfSlot.size()];
        Arrays.fill(lastRow, -1);
        for (int r = 0; r < exits.size(); r++) {
            int k = exits.tid(r) > 0 ? slotOfTid.get(exits.tid(r)) : -1;
            if (k < 0) continue;
            IntervalColumns c = kvm.get(k);
            long at = exits.startNs(r);
            long g = exits.guestBeforeNs(r);
            if (g >= 0) c.add(at - g, at, VcpuState.GUEST, -1, -1);
            long d = exits.durationNs(r);
            if (d >= 0) c.add(at, at + d - Math.max(0, exits.userspaceNs(r)), VcpuState.HOST_EXIT, exits.reasonId(r), exits.exitIndex(r));
            lastRow[k] = r;
        }
        // an exit still open when the trace ends (a vCPU halted for good, say) is in the host for as
        // long as the thread is seen, up to its userspace part if it went there
        for (int k = 0; k < lastRow.length; k++) {
            int r = lastRow[k];
            if (r < 0 || exits.durationNs(r) >= 0 || lastEntry[k] >= exits.startNs(r)) continue;
            long at = exits.startNs(r);
            long until = openUser[k] >= 0 && s.ts(openUser[k]) >= at ? s.ts(openUser[k]) : lastSeen[k];
            if (!lostBetween(at, until)) kvm.get(k).add(at, until, VcpuState.HOST_EXIT, exits.reasonId(r), exits.exitIndex(r));
        }
    }

    private void scan() {
        int entryT = s.typeId("kvm_entry"), exitT = s.typeId("kvm_exit"), uexitT = s.typeId("kvm_userspace_exit"),
                switchT = s.typeId("sched_switch");
        // QEMU's own events only where the kernel's are absent (a QEMU trace file on its own)
        boolean qemu = exitT < 0;
        int runExitT = qemu ? s.typeId("kvm_run_exit") : -1, ioctlT = qemu ? s.typeId("kvm_vcpu_ioctl") : -1;
        IntIntMap pendingUser = new IntIntMap(-1); // tid → event that began its userspace state
        IntIntMap switchedOut = new IntIntMap(-1); // tid → sched_switch that took it off its CPU
        Payload p = new Payload();
        SchedSwitchPids sw = new SchedSwitchPids();
        int slots = taskOfSlot.size();
        lastSeen = new long[slots];
        lastEntry = new long[slots];
        Arrays.fill(lastSeen, Long.MIN_VALUE);
        Arrays.fill(lastEntry, Long.MIN_VALUE);
        int n = s.size();
        for (int i = 0; i < n; i++) {
            int t = s.type(i);
            if (t == switchT) {
                if (!payload(i, p) || !sw.parse(p.bytes, p.start, p.end)) continue;
                if (sw.prevPid > 0 && slotOfTid.get(sw.prevPid) >= 0) {
                    switchedOut.put(sw.prevPid, i);
                    lastSeen[slotOfTid.get(sw.prevPid)] = s.ts(i);
                }
                int k = sw.nextPid > 0 ? slotOfTid.get(sw.nextPid) : -1;
                if (k >= 0) lastSeen[k] = s.ts(i);
                int o = k >= 0 ? switchedOut.get(sw.nextPid) : -1;
                if (o >= 0) {
                    switchedOut.put(sw.nextPid, -1);
                    if (!lostBetween(s.ts(o), s.ts(i))) off.get(k).add(s.ts(o), s.ts(i), VcpuState.NOT_RUNNING, stateOf(o, p, sw), o);
                }
                continue;
            }
            int tid = s.tid(i);
            int k = tid > 0 ? slotOfTid.get(tid) : -1;
            if (k < 0) continue;
            lastSeen[k] = s.ts(i);
            if (t != entryT && t != exitT && t != uexitT && t != runExitT && t != ioctlT) continue;
            if (t == entryT) lastEntry[k] = s.ts(i);
            if (t == exitT) {
                pendingUser.put(tid, -1);
            } else if (t == uexitT || t == runExitT) {
                if (pendingUser.get(tid) < 0) pendingUser.put(tid, i);
            } else {
                if (t == ioctlT && !(payload(i, p) && QemuArgs.number(p, "type") == UserspaceExits.KVM_RUN)) continue;
                int u = pendingUser.get(tid);
                pendingUser.put(tid, -1);
                if (u >= 0 && !lost.crosses(s.cpu(u), s.ts(u), s.ts(i)) && !lost.crosses(s.cpu(i), s.ts(u), s.ts(i))) {
                    user.get(k).add(s.ts(u), s.ts(i), VcpuState.USERSPACE, userspaceReason(u, p, s.type(u) == runExitT), u);
                }
            }
        }
        // a userspace state still open at the end lasts as long as the thread is seen
        openUser = new int[slots];
        for (int k = 0; k < slots; k++) {
            int tid = s.tasks().tid(taskOfSlot.get(k));
            int u = pendingUser.get(tid);
            openUser[k] = u;
            if (u >= 0 && !lostBetween(s.ts(u), lastSeen[k])) {
                user.get(k).add(s.ts(u), lastSeen[k], VcpuState.USERSPACE, userspaceReason(u, p, s.type(u) == runExitT), u);
            }
        }
    }

    /** The payload as bytes (binary trace.dat records are rendered to their text first). */
    private boolean payload(int i, Payload p) {
        if (s.payloadRenderer() == null) {
            s.payload(i, p);
        } else {
            byte[] b = s.payloadString(i).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            p.set(b, 0, b.length);
        }
        return p.bytes != null;
    }

    private int stateOf(int switchEvent, Payload p, SchedSwitchPids sw) {
        return payload(switchEvent, p) && sw.parse(p.bytes, p.start, p.end) ? sw.prevState : -1;
    }

    /** Id of the printed reason: {@code KVM_EXIT_IO} / {@code restart} (kernel), {@code KVM_EXIT_IO} from QEMU's number. */
    private int userspaceReason(int i, Payload p, boolean qemu) {
        if (!payload(i, p)) return -1;
        if (qemu) {
            long r = QemuArgs.number(p, "reason");
            return r == QemuArgs.MISSING ? -1 : userspaceReasons.intern("KVM_EXIT_" + KvmExitReason.name(r));
        }
        int r = ByteText.indexOf(p.bytes, p.start, p.end, "reason ");
        if (r < 0) return -1;
        int a = r + 7, b = a;
        while (b < p.end && !ByteText.isSpace(p.bytes[b])) b++;
        return b > a ? userspaceReasons.intern(p.bytes, a, b - a) : -1;
    }

    private boolean lostBetween(long a, long b) {
        int k = Arrays.binarySearch(anyLost, a);
        k = k < 0 ? -k - 1 : k;
        while (k < anyLost.length && anyLost[k] <= a) k++;
        return k < anyLost.length && anyLost[k] <= b;
    }

    private static long[] sortedLostTimes(LostEvents l) {
        long[] t = new long[l.size()];
        int n = 0;
        for (int i = 0; i < l.size(); i++) if (l.ts(i) != Long.MIN_VALUE) t[n++] = l.ts(i);
        t = Arrays.copyOf(t, n);
        Arrays.sort(t);
        return t;
    }

    /** Two time-ordered, non-overlapping layers merged by start. */
    private static IntervalColumns merge(IntervalColumns a, IntervalColumns b) {
        IntervalColumns out = new IntervalColumns();
        int i = 0, j = 0;
        while (i < a.size || j < b.size) {
            if (j >= b.size || (i < a.size && a.start[i] <= b.start[j])) out.add(a, i, a.start[i], a.end[i++]);
            else out.add(b, j, b.start[j], b.end[j++]);
        }
        return out;
    }

    /** The base intervals with the not-running ones cut out of them, then both merged by start. */
    private static IntervalColumns overlay(IntervalColumns base, IntervalColumns off) {
        IntervalColumns cut = new IntervalColumns();
        int j = 0;
        for (int i = 0; i < base.size; i++) {
            long a = base.start[i], b = base.end[i];
            while (j < off.size && off.end[j] <= a) j++;
            long cur = a;
            for (int m = j; m < off.size && off.start[m] < b; m++) {
                if (off.start[m] > cur) cut.add(base, i, cur, off.start[m]);
                cur = Math.max(cur, off.end[m]);
            }
            if (cur < b) cut.add(base, i, cur, b);
        }
        return merge(cut, off);
    }
}
