package dev.virtscope.format.ftrace;

import java.util.Arrays;

import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.LostEvents;
import dev.virtscope.store.Warnings;

/**
 * Puts chunks parsed apart ({@link FtraceChunk}) into the file's builder in file order, so that the
 * result is what one sequential pass would have built: events in input order (the builder's stable
 * sort then orders them by time), event type ids in order of first appearance, line numbers of
 * warnings and lost markers counted from the start of the file, lost markers timed by the next event
 * on their CPU even when it is in a later chunk, and the task table replayed in file order.
 */
final class ChunkMerger {
    private final EventStoreBuilder out;
    private final TaskLearner tasks;
    private long lines;
    private boolean clockSet;
    private long lastTs = Long.MIN_VALUE;
    /** Markers (indexes in out.lost) still waiting for an event on their CPU (-1: on any CPU). */
    private int[] pendingIndex = new int[8], pendingCpu = new int[8];
    private int pending;

    ChunkMerger(EventStoreBuilder out) {
        this.out = out;
        this.tasks = new TaskLearner(out);
    }

    /** Adds the next chunk of the file; it must not be used afterwards. */
    void add(FtraceChunk c) {
        EventStoreBuilder p = c.part;
        if (pending > 0 && p.size() > 0) timePending(p);
        LostEvents lost = p.lost;
        for (int i = 0; i < lost.size(); i++) {
            long t = lost.ts(i);
            out.lost.add(t, lost.cpu(i), lost.count(i), lost.kind(i), lost.line(i) + lines);
            if (t == Long.MIN_VALUE) addPending(out.lost.size() - 1, lost.cpu(i));
        }
        for (Warnings.Warning w : p.warnings.kept()) out.warnings.add(w.line() + lines, w.reason());
        out.warnings.addUnkept(p.warnings.count() - p.warnings.kept().size());
        int[] typeMap = new int[p.eventNames.size()];
        for (int t = 0; t < typeMap.length; t++) typeMap[t] = out.eventType(p.eventNames.get(t));
        if (!clockSet && p.size() > 0) {
            clockSet = true;
            FtraceTextImporter.clock(c.firstTimeKind, out);
        }
        if (p.cpusDeclared() > 0) out.cpusDeclared(p.cpusDeclared());
        c.tasks.replay(tasks);
        if (p.size() > 0) lastTs = p.ts(p.size() - 1);
        lines += c.lines;
        out.append(p, typeMap);
    }

    /** After the last chunk: markers after the last event of their CPU take the time of the file's last event. */
    void finish() {
        for (int k = 0; k < pending; k++) out.lost.setTime(pendingIndex[k], lastTs);
        pending = 0;
        tasks.inferVcpuProcesses();
    }

    /** Markers left waiting by earlier chunks take the time of this chunk's first event on their CPU. */
    private void timePending(EventStoreBuilder p) {
        // one pass over the chunk: the first event of each CPU (CPU numbers as the store keeps them)
        dev.virtscope.store.IntIntMap firstOnCpu = new dev.virtscope.store.IntIntMap(-1);
        for (int i = p.size() - 1; i >= 0; i--) firstOnCpu.put(p.cpu(i), i);
        int keep = 0;
        for (int k = 0; k < pending; k++) {
            int cpu = pendingCpu[k];
            int first = cpu < 0 ? 0 : firstOnCpu.get((short) cpu);
            if (first >= 0) {
                out.lost.setTime(pendingIndex[k], p.ts(first));
            } else {
                pendingIndex[keep] = pendingIndex[k];
                pendingCpu[keep++] = cpu;
            }
        }
        pending = keep;
    }

    private void addPending(int index, int cpu) {
        if (pending == pendingIndex.length) {
            pendingIndex = Arrays.copyOf(pendingIndex, pending * 2);
            pendingCpu = Arrays.copyOf(pendingCpu, pending * 2);
        }
        pendingIndex[pending] = index;
        pendingCpu[pending++] = cpu;
    }
}
