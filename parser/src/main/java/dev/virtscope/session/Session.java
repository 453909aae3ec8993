package dev.virtscope.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.Trace;

/**
 * Several loaded traces seen as one timeline: per-file clock offsets (ns, added to a file's
 * timestamps) and a merged, time-ordered index over the member stores (two primitive arrays:
 * file id and event index), built by a k-way merge since each store is already sorted. Ties keep
 * file order, then event order. Changing an offset rebuilds the index.
 */
public final class Session {
    private final List<Trace> traces;
    private final long[] offsetNs;
    private final boolean[] aligned;
    private int[] file = new int[0];
    private int[] index = new int[0];

    /** Offsets are chosen automatically: see {@link ClockAlignment#offsets}. */
    public Session(List<Trace> traces) {
        this(traces, ClockAlignment.offsets(traces), ClockAlignment.alignedFlags(traces));
    }

    private Session(List<Trace> traces, long[] offsets, boolean[] aligned) {
        this.traces = List.copyOf(traces);
        this.offsetNs = offsets.clone();
        this.aligned = aligned.clone();
        rebuild();
    }

    public int files() {
        return traces.size();
    }

    public Trace trace(int f) {
        return traces.get(f);
    }

    public EventStore store(int f) {
        return traces.get(f).events();
    }

    public long offsetNs(int f) {
        return offsetNs[f];
    }

    /**
     * Whether file f's clock is known to agree with the first file's (same clock, or ftrace
     * mono/boot against QEMU's CLOCK_MONOTONIC); false means its offset is a user's choice or 0.
     */
    public boolean aligned(int f) {
        return aligned[f];
    }

    /** Sets file f's offset (a user's {@code --offset FILE=NS}, or a proposed one) and rebuilds the index. */
    public void setOffset(int f, long ns) {
        offsetNs[f] = ns;
        aligned[f] = true;
        rebuild();
    }

    /** Events in the session. */
    public int size() {
        return file.length;
    }

    /** File of the i-th event in session time order. */
    public int file(int i) {
        return file[i];
    }

    /** Index of the i-th event inside its file's store. */
    public int index(int i) {
        return index[i];
    }

    /** Session time of the i-th event: its file's timestamp plus the file's offset. */
    public long ts(int i) {
        return store(file[i]).ts(index[i]) + offsetNs[file[i]];
    }

    public String eventName(int i) {
        return store(file[i]).eventName(index[i]);
    }

    /** First session position with ts ≥ t. */
    public int firstAtOrAfter(long t) {
        int lo = 0, hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts(mid) < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private void rebuild() {
        int k = traces.size();
        int total = 0;
        for (Trace t : traces) total += t.events().size();
        int[] f = new int[total], x = new int[total];
        // binary heap of files ordered by (time of their next event, file id)
        int[] heap = new int[k];
        int[] cursor = new int[k];
        int hs = 0;
        for (int j = 0; j < k; j++) if (store(j).size() > 0) heap[hs++] = j;
        for (int j = hs / 2 - 1; j >= 0; j--) down(heap, hs, j, cursor);
        int n = 0;
        while (hs > 0) {
            int j = heap[0];
            f[n] = j;
            x[n] = cursor[j];
            n++;
            if (++cursor[j] == store(j).size()) heap[0] = heap[--hs];
            down(heap, hs, 0, cursor);
        }
        file = f;
        index = x;
    }

    private long next(int j, int[] cursor) {
        return store(j).ts(cursor[j]) + offsetNs[j];
    }

    private boolean before(int a, int b, int[] cursor) {
        long ta = next(a, cursor), tb = next(b, cursor);
        return ta < tb || (ta == tb && a < b);
    }

    private void down(int[] heap, int hs, int i, int[] cursor) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < hs && before(heap[l], heap[m], cursor)) m = l;
            if (r < hs && before(heap[r], heap[m], cursor)) m = r;
            if (m == i) return;
            int t = heap[i];
            heap[i] = heap[m];
            heap[m] = t;
            i = m;
        }
    }

    /** The files' source names, in file order. */
    public List<String> sources() {
        List<String> s = new ArrayList<>();
        for (Trace t : traces) s.add(t.source());
        return s;
    }

    @Override
    public String toString() {
        return "Session" + sources() + " offsets " + Arrays.toString(offsetNs);
    }
}
