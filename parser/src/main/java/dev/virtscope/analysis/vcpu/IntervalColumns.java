package dev.virtscope.analysis.vcpu;

import java.util.Arrays;

/** Growable parallel columns of intervals of one thread while they are being computed. */
final class IntervalColumns {
    long[] start = new long[16], end = new long[16];
    byte[] state = new byte[16];
    int[] reason = new int[16], event = new int[16];
    int size;

    void add(long s, long e, byte st, int r, int ev) {
        if (e <= s) return; // zero-length states carry no time and cannot be drawn
        if (size == start.length) {
            int c = size * 2;
            start = Arrays.copyOf(start, c);
            end = Arrays.copyOf(end, c);
            state = Arrays.copyOf(state, c);
            reason = Arrays.copyOf(reason, c);
            event = Arrays.copyOf(event, c);
        }
        start[size] = s;
        end[size] = e;
        state[size] = st;
        reason[size] = r;
        event[size] = ev;
        size++;
    }

    void add(IntervalColumns o, int i, long s, long e) {
        add(s, e, o.state[i], o.reason[i], o.event[i]);
    }
}
