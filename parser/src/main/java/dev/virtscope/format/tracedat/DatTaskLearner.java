package dev.virtscope.format.tracedat;

import java.util.List;

import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.IntIntMap;

/**
 * Learns tasks from record fields while loading. The comm of an event's own pid comes from the
 * saved cmdlines (as trace-cmd report shows it); pids the cmdlines do not know get their comm from
 * sched_switch (prev/next) and sched_wakeup/sched_waking payloads, the only places a task is named
 * otherwise. kvm_entry/kvm_exit {@code vcpu_id} marks the thread as that vCPU.
 */
final class DatTaskLearner {
    private static final byte NONE = 0, SWITCH = 1, WAKEUP = 2, KVM = 3;

    private final EventStoreBuilder ev;
    private final IntIntMap commOfPid;
    private final RecordReader reader;
    private final byte[] action;
    private final EventFormat.Field[][] fields;
    private final IntIntMap vcpuOf = new IntIntMap(-1);

    DatTaskLearner(EventStoreBuilder ev, IntIntMap commOfPid, RecordReader reader, List<EventFormat> formats, int maxId) {
        this.ev = ev;
        this.commOfPid = commOfPid;
        this.reader = reader;
        action = new byte[maxId + 1];
        fields = new EventFormat.Field[maxId + 1][];
        for (EventFormat f : formats) {
            if (f.id > maxId) continue;
            switch (f.name) {
                case "sched_switch" -> set(f, SWITCH, "prev_comm", "prev_pid", "next_comm", "next_pid");
                case "sched_wakeup", "sched_waking", "sched_wakeup_new" -> set(f, WAKEUP, "comm", "pid");
                case "kvm_entry", "kvm_exit" -> set(f, KVM, "vcpu_id");
                default -> {
                }
            }
        }
    }

    private void set(EventFormat f, byte a, String... names) {
        EventFormat.Field[] fs = new EventFormat.Field[names.length];
        for (int i = 0; i < names.length; i++) {
            fs[i] = f.field(names[i]);
            if (fs[i] == null) return;
        }
        action[f.id] = a;
        fields[f.id] = fs;
    }

    /** The comm id of pid from cmdlines, or -1. */
    int cmdlineComm(int pid) {
        return commOfPid.get(pid);
    }

    void record(int id, int pid, byte[] b, int s, int len, long ts) {
        if (id >= action.length || action[id] == NONE) return;
        EventFormat.Field[] f = fields[id];
        int e = s + len;
        switch (action[id]) {
            case SWITCH -> {
                named(f[0], f[1], b, s, e, ts);
                named(f[2], f[3], b, s, e, ts);
            }
            case WAKEUP -> named(f[0], f[1], b, s, e, ts);
            case KVM -> {
                int v = (int) reader.number(f[0], b, s, e);
                if (vcpuOf.get(pid) != v) {
                    vcpuOf.put(pid, v);
                    ev.tasks.vcpu(pid, v);
                }
            }
            default -> {
            }
        }
    }

    private void named(EventFormat.Field commF, EventFormat.Field pidF, byte[] b, int s, int e, long ts) {
        int pid = (int) reader.number(pidF, b, s, e);
        if (pid <= 0 || commOfPid.get(pid) >= 0) return;
        int st = reader.dataStart(commF, b, s, e);
        int n = reader.dataLength(commF, b, s, e);
        int k = 0;
        while (k < n && b[st + k] != 0) k++;
        if (k == 0) return;
        ev.tasks.seen(pid, ev.comms.intern(b, st, k), ts);
    }
}
