package dev.virtscope.analysis.latency;

import java.util.Arrays;

import dev.virtscope.decode.EventFields;
import dev.virtscope.decode.FieldDecoders;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.IntIntMap;

/**
 * Generic latency pairs like KernelShark's latency plot: each start event is paired with the next
 * end event carrying the same key (tid, cpu, or a numeric payload field such as vcpu_id or irq).
 * A second start before the end replaces the first (the first counts as unpaired); a pair whose
 * span contains a lost-events marker on the start's or end's CPU is dropped and counted.
 */
public final class EventPairing {
    /** What makes a start and an end belong together. */
    public enum KeyKind { TID, CPU, FIELD }

    /** The pairs found, in end-event order: primitive arrays of (start index, end index, duration). */
    public static final class Pairs {
        public final int[] start, end;
        public final long[] durationNs;
        public final int size;
        /** starts never ended (end of trace or replaced), ends without a start, pairs broken by lost events */
        public final long unpairedStarts, unmatchedEnds, brokenByLost;

        Pairs(int[] start, int[] end, long[] dur, int size, long unpairedStarts, long unmatchedEnds, long brokenByLost) {
            this.start = start;
            this.end = end;
            this.durationNs = dur;
            this.size = size;
            this.unpairedStarts = unpairedStarts;
            this.unmatchedEnds = unmatchedEnds;
            this.brokenByLost = brokenByLost;
        }

        public Latencies latencies() {
            return new Latencies(durationNs, size);
        }
    }

    private EventPairing() {
    }

    /**
     * Parses {@code START:END:KEY} as given on the command line: KEY is {@code tid}, {@code cpu} or the
     * name of a payload field (e.g. {@code vcpu}, {@code irq}).
     */
    public static Pairs pair(EventStore s, String spec) {
        String[] p = spec.split(":");
        if (p.length != 3) throw new IllegalArgumentException("pair spec must be START:END:KEY, got " + spec);
        KeyKind k = p[2].equals("tid") ? KeyKind.TID : p[2].equals("cpu") ? KeyKind.CPU : KeyKind.FIELD;
        return pair(s, p[0], p[1], k, p[2]);
    }

    public static Pairs pair(EventStore s, String startEvent, String endEvent, KeyKind kind, String field) {
        int st = s.typeId(startEvent), en = s.typeId(endEvent);
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, s.countOfType(en)));
        int[] a = new int[cap], b = new int[cap];
        long[] d = new long[cap];
        int n = 0;
        long replaced = 0, unmatched = 0, broken = 0, openCount = 0;
        if (st < 0 || en < 0) return new Pairs(a, b, d, 0, st < 0 ? 0 : s.countOfType(st), en < 0 ? 0 : s.countOfType(en), 0);
        LostMarkers lost = new LostMarkers(s.lost());
        IntIntMap pending = new IntIntMap(-1);
        int size = s.size();
        for (int i = 0; i < size; i++) {
            int t = s.type(i);
            if (t != st && t != en) continue;
            long key = key(s, i, kind, field);
            if (key == Long.MIN_VALUE) continue;
            int k = (int) key;
            int open = pending.get(k);
            if (t == en && (t != st || open >= 0)) {
                if (open >= 0) {
                    pending.put(k, -1);
                    openCount--;
                    long t0 = s.ts(open), t1 = s.ts(i);
                    if (!lost.isEmpty() && (lost.crosses(s.cpu(open), t0, t1) || lost.crosses(s.cpu(i), t0, t1))) broken++;
                    else {
                        a[n] = open;
                        b[n] = i;
                        d[n] = t1 - t0;
                        n++;
                    }
                } else unmatched++;
                continue;
            }
            if (open >= 0) replaced++;
            else openCount++;
            pending.put(k, i);
        }
        return new Pairs(Arrays.copyOf(a, n), Arrays.copyOf(b, n), Arrays.copyOf(d, n), n,
                replaced + openCount, unmatched, broken);
    }

    private static long key(EventStore s, int i, KeyKind kind, String field) {
        switch (kind) {
            case TID:
                return s.tid(i);
            case CPU:
                return s.cpu(i);
            default:
                EventFields f = FieldDecoders.decode(s, i);
                long v = f.number(field);
                return v == EventFields.NO_NUMBER ? Long.MIN_VALUE : v;
        }
    }
}
