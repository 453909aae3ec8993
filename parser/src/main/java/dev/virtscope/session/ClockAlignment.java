package dev.virtscope.session;

import java.util.List;
import java.util.Set;

import dev.virtscope.store.Trace;

/**
 * Which trace clocks show the same time. QEMU's simple backend stamps events with
 * CLOCK_MONOTONIC ({@code mono}); ftrace's {@code mono} clock is the same clock and {@code boot}
 * only differs by time spent suspended, so those files line up with offset 0. Equal wall-clock
 * names ({@code realtime}) agree too. Everything else ({@code local}/sched_clock against
 * monotonic, {@code relative} simpletrace text, {@code sequence} log files, raw counters) needs
 * a user offset or a proposed one ({@link OffsetProposal}).
 */
public final class ClockAlignment {
    private static final Set<String> MONOTONIC = Set.of("mono", "boot");
    private static final Set<String> NEVER = Set.of("relative", "sequence", "counter", "x86-tsc", "perf");

    private ClockAlignment() {
    }

    public static boolean agree(String a, String b) {
        if (NEVER.contains(a) || NEVER.contains(b)) return false;
        if (MONOTONIC.contains(a) && MONOTONIC.contains(b)) return true;
        return a.equals(b) && !a.equals("local");
    }

    /** Offset 0 for every file (files whose clock does not agree wait for a user or proposed offset). */
    static long[] offsets(List<Trace> traces) {
        return new long[traces.size()];
    }

    /** Per file: does its clock agree with the first file's? */
    static boolean[] alignedFlags(List<Trace> traces) {
        boolean[] a = new boolean[traces.size()];
        for (int f = 0; f < a.length; f++) {
            a[f] = f == 0 || agree(traces.get(0).events().clock(), traces.get(f).events().clock());
        }
        return a;
    }
}
