package dev.virtscope.analysis.vcpu;

/**
 * Level of detail for drawing one vCPU thread: for each pixel column of a time window, the state the
 * thread spent most time in there and, for host exits, the reason of the longest exit under the
 * pixel. Per pixel: one binary search on the interval starts (the pixel's left edge is the previous
 * pixel's right edge), prefix-sum differences per state and, where host exits dominate, one max-tree query — O(width · log n), never a walk over the intervals, so a frame costs the same
 * at every zoom. Buffers are reused from frame to frame.
 */
public final class StatePixels {
    private byte[] state = new byte[0];
    private int[] reason = new int[0];
    private int width;
    private final long[] inState = new long[VcpuState.COUNT];
    /** Preference on equal time: the rarer, more telling states first. */
    private static final byte[] ORDER = {VcpuState.HOST_EXIT, VcpuState.USERSPACE, VcpuState.GUEST, VcpuState.NOT_RUNNING};

    /**
     * Fills the columns for [start, start + width·nsPerPixel); pixel px covers
     * [start + ⌈px·nsPerPixel⌉, start + ⌈(px+1)·nsPerPixel⌉) (as the event ticks), or the instant at its
     * left edge when that is empty (deep zoom).
     */
    public void fill(VcpuStates v, int thread, long start, double nsPerPixel, int width) {
        if (state.length < width) {
            state = new byte[width];
            reason = new int[width];
        }
        this.width = width;
        int first = v.from(thread), last = v.to(thread);
        long t0 = start;
        // intervals starting before t0; the next pixel's t0 is this pixel's t1, so one search per pixel
        int before = v.firstStartAtOrAfter(first, last, t0);
        for (int px = 0; px < width; px++) {
            long t1 = start + (long) Math.ceil((px + 1) * nsPerPixel);
            state[px] = VcpuState.NONE;
            reason[px] = -1;
            int lo = before > first && v.end[before - 1] > t0 ? before - 1 : before;
            if (t1 <= t0) {
                if (lo < last && v.start[lo] <= t0 && v.end[lo] > t0) {
                    state[px] = v.state[lo];
                    reason[px] = v.reason[lo];
                }
                continue;
            }
            int hi = v.firstStartAtOrAfter(before, last, t1);
            if (hi > lo) dominant(v, lo, hi, t0, t1, px);
            before = hi;
            t0 = t1;
        }
    }

    private void dominant(VcpuStates v, int lo, int hi, long t0, long t1, int px) {
        for (int st = 0; st < VcpuState.COUNT; st++) inState[st] = v.cum[hi * VcpuState.COUNT + st] - v.cum[lo * VcpuState.COUNT + st];
        // the first and last intervals may stick out of the pixel: take off what lies outside
        inState[v.state[lo]] -= Math.max(0, t0 - v.start[lo]);
        inState[v.state[hi - 1]] -= Math.max(0, v.end[hi - 1] - t1);
        byte best = VcpuState.NONE;
        long bestNs = 0;
        for (byte st : ORDER) {
            if (inState[st] > bestNs) {
                best = st;
                bestNs = inState[st];
            }
        }
        state[px] = best;
        if (best == VcpuState.HOST_EXIT) reason[px] = v.reason[v.longestHost.argMax(lo, hi)];
        else if (best >= 0) reason[px] = -1;
    }

    public int width() {
        return width;
    }

    /** Dominant state of the pixel, or {@link VcpuState#NONE}. */
    public byte state(int px) {
        return state[px];
    }

    /** Exit reason id of the pixel's longest host exit when its state is HOST_EXIT, else -1. */
    public int reason(int px) {
        return reason[px];
    }
}
