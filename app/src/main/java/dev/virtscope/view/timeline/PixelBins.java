package dev.virtscope.view.timeline;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.IntSlice;

/**
 * Per-pixel aggregation of one row: for each pixel column, how many of the row's events fall in
 * its time interval and the type of the first of them. Work is one binary search per pixel over the
 * row's slice (O(width · log n)), never a walk over all events, so drawing cost does not grow with
 * the trace; on long rows the search goes through the row's {@link RowTimeSamples} first.
 */
public final class PixelBins {
    private int[] count = new int[0];
    private int[] firstEvent = new int[0];
    private int width;
    /** Per-row summaries, made on a row's first frame and reused while the row exists. */
    private final java.util.Map<IntSlice, RowTimeSamples> samples = new java.util.WeakHashMap<>();

    /** Fills the bins for the time window [start, start + width·nsPerPixel). */
    public void fill(EventStore s, IntSlice events, long start, double nsPerPixel, int width) {
        if (count.length < width) {
            count = new int[width];
            firstEvent = new int[width];
        }
        this.width = width;
        RowTimeSamples rs = events.size() < RowTimeSamples.MIN_EVENTS ? null : samples.computeIfAbsent(events, e -> RowTimeSamples.of(s, e));
        int n = events.size();
        int pos = rs != null ? rs.firstAtOrAfter(s, events, 0, n, start) : firstAtOrAfter(s, events, 0, n, start);
        for (int px = 0; px < width; px++) {
            long end = start + (long) Math.ceil((px + 1) * nsPerPixel);
            int next = rs != null ? rs.firstAtOrAfter(s, events, pos, n, end) : firstAtOrAfter(s, events, pos, n, end);
            count[px] = next - pos;
            firstEvent[px] = next > pos ? events.get(pos) : -1;
            pos = next;
        }
    }

    public int width() {
        return width;
    }

    public int count(int px) {
        return count[px];
    }

    /** Event number of the first event in the pixel, or -1 when it has none. */
    public int firstEvent(int px) {
        return firstEvent[px];
    }

    /** First position in events[lo, hi) whose timestamp is ≥ t. */
    static int firstAtOrAfter(EventStore s, IntSlice events, int lo, int hi, long t) {
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (s.ts(events.get(m)) < t) lo = m + 1;
            else hi = m;
        }
        return lo;
    }
}
