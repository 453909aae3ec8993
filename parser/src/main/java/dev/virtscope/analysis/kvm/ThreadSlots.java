package dev.virtscope.analysis.kvm;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.TaskTable;

/**
 * The pairing key of every event as a dense slot number: the task index when the event has a tid,
 * else {@code tasks + cpu} (perf script of {@code -C} recordings has no tids). The kvm passes keep
 * their per-thread state in plain arrays indexed by slot instead of hash maps keyed by tid, because
 * those lookups ran on every kvm_entry and were a third of the analysis time. tids map to slots
 * through a direct table when they are below 2^22 (Linux's largest pid_max), else through the
 * task table's own map.
 */
final class ThreadSlots {
    private static final int DIRECT_LIMIT = 1 << 22;

    private final EventStore store;
    private final TaskTable tasks;
    private final int[] direct;
    private final int taskCount;

    ThreadSlots(EventStore s) {
        store = s;
        tasks = s.tasks();
        taskCount = tasks.size();
        int maxTid = 0;
        for (int t = 0; t < taskCount; t++) maxTid = Math.max(maxTid, tasks.tid(t));
        if (maxTid < DIRECT_LIMIT) {
            direct = new int[maxTid + 1];
            java.util.Arrays.fill(direct, -1);
            for (int t = 0; t < taskCount; t++) if (tasks.tid(t) >= 0) direct[tasks.tid(t)] = t;
        } else direct = null;
    }

    /** How many slots there are: one per task and one per CPU. */
    int count() {
        return taskCount + Math.max(1, store.cpuCount()) + 1;
    }

    /** The slot of event i: its thread, or its CPU when it has no tid (same rule as {@link KvmExits#key}). */
    int of(int i) {
        int tid = store.tid(i);
        if (tid > 0) {
            int t = direct != null && tid < direct.length ? direct[tid] : tasks.indexOf(tid);
            if (t >= 0) return t;
        }
        return taskCount + Math.max(0, store.cpu(i));
    }

    /** The task index a slot stands for, or -1 for a CPU's slot (events without a tid). */
    int task(int slot) {
        return slot < taskCount ? slot : -1;
    }

    /**
     * Slot → worker for a sweep split by thread slot: slots by event count (the task's, or the CPU's for
     * CPU slots), heaviest first, each to the worker with the fewest events so far. Only balance depends
     * on this, never a result. Null when fewer than two workers would get any event.
     */
    int[] owners(int workers) {
        int n = count();
        long[] order = new long[n];
        for (int slot = 0; slot < n; slot++) {
            int t = task(slot);
            long weight = t >= 0 ? store.eventsOfTask(t).size() : store.eventsOnCpu(slot - taskCount).size();
            order[slot] = -weight << 24 | slot;       // sorts heaviest first, then by slot
        }
        java.util.Arrays.sort(order);
        long[] load = new long[workers];
        int[] owner = new int[n];
        for (long o : order) {
            int slot = (int) (o & 0xffffff), best = 0;
            for (int w = 1; w < workers; w++) if (load[w] < load[best]) best = w;
            owner[slot] = best;
            load[best] += -(o >> 24);
        }
        int busy = 0;
        for (long l : load) if (l > 0) busy++;
        return busy < 2 ? null : owner;
    }
}
