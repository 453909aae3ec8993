package dev.virtscope.view.timeline;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.IntSlice;

/**
 * A row's summary for searching by time: the time of every {@value #STEP}th event of the row, in one
 * compact array. A search narrows to {@value #STEP} events there (sequential memory, mostly cached)
 * before it touches the row's index and the store's time column, whose accesses are scattered: at full
 * zoom-out on millions of events that scattered part was most of a frame's cost.
 */
final class RowTimeSamples {
    private static final int SHIFT = 6;
    static final int STEP = 1 << SHIFT;
    /** Rows shorter than this are searched directly. */
    static final int MIN_EVENTS = 4096;

    private final long[] ts;

    private RowTimeSamples(long[] ts) {
        this.ts = ts;
    }

    static RowTimeSamples of(EventStore s, IntSlice events) {
        long[] t = new long[(events.size() + STEP - 1) >>> SHIFT];
        for (int j = 0; j < t.length; j++) t[j] = s.ts(events.get(j << SHIFT));
        return new RowTimeSamples(t);
    }

    /** First position in events[lo, hi) whose time is ≥ t (hi if none): the same answer as a plain binary search. */
    int firstAtOrAfter(EventStore s, IntSlice events, int lo, int hi, long t) {
        if (lo >= hi) return lo;
        int a = lo >>> SHIFT, b = Math.min(ts.length, ((hi - 1) >>> SHIFT) + 1);
        while (a < b) {
            int m = (a + b) >>> 1;
            if (ts[m] < t) a = m + 1;
            else b = m;
        }
        // sample a is the first at or after t: the answer is after sample a-1 and at most at sample a
        int from = a > 0 ? Math.max(lo, ((a - 1) << SHIFT) + 1) : lo;
        int to = a < ts.length ? Math.min(hi, a << SHIFT) : hi;
        if (to <= from) return from;
        return PixelBins.firstAtOrAfter(s, events, from, to, t);
    }
}
