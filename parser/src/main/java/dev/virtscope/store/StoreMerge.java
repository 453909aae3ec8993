package dev.virtscope.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One store made of the events of several, in an order the caller has already merged by time
 * (times shifted by each input's offset). Payload pages of text inputs are shared, not copied;
 * binary records (trace.dat, which need their own renderer) are stored as their rendered text, so
 * the result is a plain text store that every decoder and analysis reads as it reads one file.
 * Event names and comms are interned anew; a thread id means the same thread in every input (the
 * inputs come from one host and run), so its comm history, tgid and vCPU index are merged; CPU
 * numbers are kept as they are for the same reason. Warnings are prefixed with their input's name.
 */
public final class StoreMerge {
    /** The thread id event {@code event} of input {@code input} gets in the result (the caller may remap threads). */
    @FunctionalInterface
    public interface Tids {
        int tid(int input, int event);
    }

    private StoreMerge() {
    }

    /**
     * @param stores   inputs, in file order
     * @param offsetNs per input, added to its times
     * @param input    per result event: its input
     * @param index    per result event: its event number in that input; times with offsets must not decrease
     * @param names    per input, the name its warnings are prefixed with (null: none)
     */
    public static EventStore merge(List<EventStore> stores, long[] offsetNs, int[] input, int[] index, Tids tids,
                                   List<String> names, String format) {
        int k = stores.size(), n = input.length;
        StringTable eventNames = new StringTable();
        int[][] typeMap = new int[k][];
        List<PayloadArena> shared = new ArrayList<>();
        boolean nsClock = true;
        int cpus = 0;
        for (int f = 0; f < k; f++) {
            EventStore s = stores.get(f);
            StringTable en = s.eventNames();
            typeMap[f] = new int[en.size()];
            for (int t = 0; t < en.size(); t++) typeMap[f][t] = eventNames.intern(en.get(t));
            shared.add(s.payloadRenderer() == null ? s.arena() : null);
            nsClock &= s.nsClock();
            cpus = Math.max(cpus, s.cpuCount());
        }
        int[] pageBase = new int[k];
        PayloadArena arena = PayloadArena.sharing(shared, pageBase);

        long[] ts = new long[n], ref = new long[n];
        int[] tid = new int[n];
        short[] cpu = new short[n];
        char[] type = new char[n];
        for (int i = 0; i < n; i++) {
            int f = input[i], x = index[i];
            EventStore s = stores.get(f);
            ts[i] = s.ts(x) + offsetNs[f];
            if (i > 0 && ts[i] < ts[i - 1]) throw new IllegalArgumentException("merge order is not in time order at event " + i);
            cpu[i] = (short) s.cpu(x);
            tid[i] = tids.tid(f, x);
            type[i] = (char) typeMap[f][s.type(x)];
            if (s.payloadRenderer() == null) {
                long r = s.payloadRef(x);
                ref[i] = ((r >>> 32) + pageBase[f]) << 32 | (r & 0xffffffffL);
            } else {
                byte[] text = s.payloadString(x).getBytes(StandardCharsets.UTF_8);
                ref[i] = arena.append(text, 0, text.length);
            }
        }
        arena.trim();
        TaskTable tasks = tasks(stores, offsetNs, tid);
        return new EventStore(format, stores.isEmpty() ? "local" : stores.get(0).clock(), nsClock, cpus, ts, ref, tid,
                cpu, type, eventNames, tasks, arena, lost(stores, offsetNs), warnings(stores, names));
    }

    private record CommChange(long ts, int tid, String comm) {
    }

    /** The inputs' threads as one table: comm changes replayed in time order, the first input's tgid and vCPU index win. */
    private static TaskTable tasks(List<EventStore> stores, long[] offsetNs, int[] eventTids) {
        List<CommChange> changes = new ArrayList<>();
        for (int f = 0; f < stores.size(); f++) {
            TaskTable t = stores.get(f).tasks();
            for (int h = 0; h < t.historySize(); h++) {
                changes.add(new CommChange(shift(t.historyTs(h), offsetNs[f]), t.tid(t.historyTask(h)), t.historyComm(h)));
            }
        }
        changes.sort(Comparator.comparingLong(CommChange::ts)); // stable: equal times keep input order
        TaskTable.Builder b = new TaskTable.Builder(new StringTable());
        for (CommChange c : changes) b.seen(c.tid(), b.comms.intern(c.comm()), c.ts());
        for (int f = stores.size() - 1; f >= 0; f--) {
            TaskTable t = stores.get(f).tasks();
            for (int i = 0; i < t.size(); i++) {
                b.task(t.tid(i));
                b.tgid(t.tid(i), t.tgid(i));
                if (t.vcpu(i) >= 0) b.vcpu(t.tid(i), t.vcpu(i));
            }
        }
        for (int tid : eventTids) b.task(tid);
        return b.build();
    }

    private static LostEvents lost(List<EventStore> stores, long[] offsetNs) {
        record Marker(long ts, int cpu, long count, LostEvents.Kind kind, long line) {
        }
        List<Marker> all = new ArrayList<>();
        for (int f = 0; f < stores.size(); f++) {
            LostEvents l = stores.get(f).lost();
            for (int i = 0; i < l.size(); i++) all.add(new Marker(shift(l.ts(i), offsetNs[f]), l.cpu(i), l.count(i), l.kind(i), l.line(i)));
        }
        all.sort(Comparator.comparingLong(Marker::ts));
        LostEvents out = new LostEvents();
        for (Marker m : all) out.add(m.ts(), m.cpu(), m.count(), m.kind(), m.line());
        return out;
    }

    private static Warnings warnings(List<EventStore> stores, List<String> names) {
        Warnings out = new Warnings();
        for (int f = 0; f < stores.size(); f++) {
            Warnings w = stores.get(f).warnings();
            String prefix = names.get(f) == null ? "" : names.get(f) + ": ";
            for (Warnings.Warning x : w.kept()) out.add(x.line(), prefix + x.reason());
            out.addUnkept(w.count() - w.kept().size());
        }
        return out;
    }

    /** A time plus an offset; the "time unknown" marker stays unknown. */
    private static long shift(long ts, long offset) {
        return ts == Long.MIN_VALUE ? ts : ts + offset;
    }
}
