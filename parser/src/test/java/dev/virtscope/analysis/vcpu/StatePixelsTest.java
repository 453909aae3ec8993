package dev.virtscope.analysis.vcpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/**
 * The per-pixel level of detail on the nested SVM capture: for every pixel of several windows (whole
 * trace, a zoomed stretch, sub-ns pixels), the dominant state and exit reason equal a brute-force
 * overlap sum over the intervals of the plain state machine ({@link StateReference}).
 */
class StatePixelsTest {
    private static final String FILE = "captured/nested/nested-svm-inner-smp2-secs5.ftrace.txt.xz";
    /** preference on equal time, as documented by StatePixels */
    private static final List<String> ORDER = List.of("HOST", "USERSPACE", "GUEST", "NOT_RUNNING");

    @Test
    void dominantStatePerPixelMatchesBruteForceOverlap() throws Exception {
        StateReference ref = StateReference.of(VcpuStatesTest.lines(FILE), Set.of(119, 120));
        EventStore s = TraceLoader.standard().load(Samples.path(FILE)).events();
        VcpuStates v = VcpuStates.of(s);
        StatePixels px = new StatePixels();
        long first = s.firstNs(), span = s.lastNs() - s.firstNs();
        // 21.16 s: vCPU 1 runs its MSR loop — exits every few µs
        long[][] windows = {{first, span / 1200 + 1, 1200}, {21_160_400_000L, 40, 900}, {21_161_000_000L, 0, 300}};
        for (int tid : new int[] {119, 120}) {
            int thread = v.threadOfTask(s.tasks().indexOf(tid));
            List<StateReference.Interval> mine = ref.intervals.stream().filter(i -> i.tid() == tid).toList();
            for (long[] w : windows) {
                double nsPerPixel = w[1] == 0 ? 0.25 : w[1];
                int width = (int) w[2];
                px.fill(v, thread, w[0], nsPerPixel, width);
                int withState = 0;
                long t0 = w[0];
                for (int p = 0; p < width; p++) {
                    long t1 = w[0] + (long) Math.ceil((p + 1) * nsPerPixel);
                    String want = dominant(mine, t0, t1);
                    String got = px.state(p) == VcpuState.NONE ? null : ORDER.get(List.of(VcpuState.HOST_EXIT,
                            VcpuState.USERSPACE, VcpuState.GUEST, VcpuState.NOT_RUNNING).indexOf(px.state(p)));
                    assertEquals(want == null ? null : want.split(" ")[0], got, "tid " + tid + " pixel " + p + " at " + t0);
                    if (got != null && got.equals("HOST")) {
                        assertTrue(longestHostReasons(mine, t0, t1).contains(v.exits().reasonNameOfId(px.reason(p))),
                                "reason at pixel " + p);
                    }
                    if (got != null) withState++;
                    t0 = t1;
                }
                assertTrue(withState > 0, "tid " + tid + " has states in window " + w[0]);
            }
        }
    }

    /** State label with most time in [t0, t1) (the instant t0 when the pixel is empty), or null. */
    private static String dominant(List<StateReference.Interval> in, long t0, long t1) {
        if (t1 <= t0) {
            for (StateReference.Interval i : in) if (i.start() <= t0 && t0 < i.end()) return i.state();
            return null;
        }
        long[] ns = new long[ORDER.size()];
        for (StateReference.Interval i : in) {
            long o = Math.min(i.end(), t1) - Math.max(i.start(), t0);
            if (o > 0) ns[ORDER.indexOf(i.state().split(" ")[0])] += o;
        }
        int best = -1;
        for (int k = 0; k < ns.length; k++) if (ns[k] > 0 && (best < 0 || ns[k] > ns[best])) best = k;
        return best < 0 ? null : ORDER.get(best);
    }

    /** Reasons of the longest host intervals touching [t0, t1) (several on equal lengths). */
    private static List<String> longestHostReasons(List<StateReference.Interval> in, long t0, long t1) {
        long longest = -1;
        List<String> out = new ArrayList<>();
        for (StateReference.Interval i : in) {
            boolean touches = t1 > t0 ? i.end() > t0 && i.start() < t1 : i.start() <= t0 && t0 < i.end();
            if (!touches || !i.state().startsWith("HOST ")) continue;
            long d = i.end() - i.start();
            if (d > longest) {
                longest = d;
                out.clear();
            }
            if (d == longest) out.add(i.state().substring(5));
        }
        return out;
    }
}
