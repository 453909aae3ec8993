package dev.virtscope.store;

import java.util.Arrays;

/**
 * All events of one trace, immutable, in time order. Columns are primitive arrays indexed by
 * event number: time (ns), CPU, tid, event type, payload reference. Per-CPU and per-task index
 * arrays list event numbers in time order, so a view of one row touches only its own events.
 *
 * <p>Retained per event: 8 (ts) + 8 (payload ref) + 4 (tid) + 2 (cpu) + 2 (type) + 4 (CPU index)
 * + 4 (task index) = 32 bytes; payload bytes live in the {@link PayloadArena}.
 */
public final class EventStore {
    private final String format;
    private final String clock;
    private final boolean nsClock;
    private final int cpusDeclared;
    private final long[] ts;
    private final long[] ref;
    private final int[] tid;
    private final short[] cpu;
    private final char[] type;
    private final StringTable eventNames;
    private final TaskTable tasks;
    private final PayloadArena arena;
    private final LostEvents lost;
    private final Warnings warnings;
    private final long[] typeCounts;
    private final int[] byCpu, cpuStart;
    private final int[] byTask, taskStart;
    /** Set for binary payloads; null when payloads are the tracer's text. */
    PayloadRenderer renderer;

    EventStore(String format, String clock, boolean nsClock, int cpusDeclared, long[] ts, long[] ref, int[] tid,
               short[] cpu, char[] type, StringTable eventNames, TaskTable tasks, PayloadArena arena, LostEvents lost,
               Warnings warnings) {
        this(format, clock, nsClock, cpusDeclared, ts, ref, tid, cpu, type, eventNames, tasks, arena, lost, warnings,
                taskIndexes(tid, tasks));
    }

    /** @param taskOf per event, its task's index in tasks (dropped once the per-task index is built) */
    EventStore(String format, String clock, boolean nsClock, int cpusDeclared, long[] ts, long[] ref, int[] tid,
               short[] cpu, char[] type, StringTable eventNames, TaskTable tasks, PayloadArena arena, LostEvents lost,
               Warnings warnings, int[] taskOf) {
        this.format = format;
        this.clock = clock;
        this.nsClock = nsClock;
        this.cpusDeclared = cpusDeclared;
        this.ts = ts;
        this.ref = ref;
        this.tid = tid;
        this.cpu = cpu;
        this.type = type;
        this.eventNames = eventNames;
        this.tasks = tasks;
        this.arena = arena;
        this.lost = lost;
        this.warnings = warnings;
        int n = ts.length;
        // counting sorts keep time order inside each CPU and task; one pass counts, one pass places.
        // CPU numbers are non-negative shorts, so their counts fit a fixed array until the largest is known.
        typeCounts = new long[eventNames.size()];
        int tn = tasks.size();
        int[] cpuCount = new int[Short.MAX_VALUE + 2];
        taskStart = new int[tn + 1];
        int maxCpu = -1;
        for (int i = 0; i < n; i++) {
            typeCounts[type[i]]++;
            int c = cpu[i];
            if (c > maxCpu) maxCpu = c;
            if (c >= 0) cpuCount[c + 1]++;
            taskStart[taskOf[i] + 1]++;
        }
        cpuStart = Arrays.copyOf(cpuCount, maxCpu + 2);
        for (int k = 1; k < cpuStart.length; k++) cpuStart[k] += cpuStart[k - 1];
        for (int k = 1; k <= tn; k++) taskStart[k] += taskStart[k - 1];
        byCpu = new int[cpuStart[cpuStart.length - 1]];
        byTask = new int[n];
        int[] cpuFill = Arrays.copyOf(cpuStart, cpuStart.length);
        int[] taskFill = Arrays.copyOf(taskStart, taskStart.length);
        for (int i = 0; i < n; i++) {
            int c = cpu[i];
            if (c >= 0) byCpu[cpuFill[c]++] = i;
            byTask[taskFill[taskOf[i]]++] = i;
        }
    }

    private static int[] taskIndexes(int[] tid, TaskTable tasks) {
        int[] taskOf = new int[tid.length];
        for (int i = 0; i < tid.length; i++) taskOf[i] = tasks.indexOf(tid[i]);
        return taskOf;
    }

    public String format() {
        return format;
    }

    /** Trace clock name as the file states it (local when unknown). */
    public String clock() {
        return clock;
    }

    /** False for counter / x86-tsc clocks: timestamps are raw counts, not ns. */
    public boolean nsClock() {
        return nsClock;
    }

    public int size() {
        return ts.length;
    }

    public long ts(int i) {
        return ts[i];
    }

    public int cpu(int i) {
        return cpu[i];
    }

    public int tid(int i) {
        return tid[i];
    }

    public int type(int i) {
        return type[i];
    }

    public long payloadRef(int i) {
        return ref[i];
    }

    public String eventName(int i) {
        return eventNames.get(type[i]);
    }

    public StringTable eventNames() {
        return eventNames;
    }

    /** Type id of an event name, or -1 when the trace has no such event. */
    public int typeId(String name) {
        return eventNames.find(name);
    }

    public long countOfType(int typeId) {
        return typeId < 0 || typeId >= typeCounts.length ? 0 : typeCounts[typeId];
    }

    public void payload(int i, Payload out) {
        arena.view(ref[i], out);
    }

    /** The payload as text: the stored text, or for binary records the rendered text. */
    public String payloadString(int i) {
        Payload p = new Payload();
        payload(i, p);
        return renderer != null ? renderer.text(p.bytes, p.start, p.end) : p.toString();
    }

    /** Non-null when {@link #payload} gives binary records (trace.dat) instead of text; it renders them. */
    public PayloadRenderer payloadRenderer() {
        return renderer;
    }

    public TaskTable tasks() {
        return tasks;
    }

    /** Task index of event i. */
    public int taskIndex(int i) {
        return tasks.indexOf(tid[i]);
    }

    /** comm of event i's task at the event's time. */
    public String comm(int i) {
        return tasks.commAt(tasks.indexOf(tid[i]), ts[i]);
    }

    public LostEvents lost() {
        return lost;
    }

    public Warnings warnings() {
        return warnings;
    }

    public long firstNs() {
        return ts.length == 0 ? 0 : ts[0];
    }

    public long lastNs() {
        return ts.length == 0 ? 0 : ts[ts.length - 1];
    }

    /** CPU count: the header's when stated, else highest CPU seen + 1. */
    public int cpuCount() {
        return Math.max(cpusDeclared, cpuStart.length - 1);
    }

    /** Events on one CPU, in time order. */
    public IntSlice eventsOnCpu(int c) {
        if (c < 0 || c + 1 >= cpuStart.length) return IntSlice.EMPTY;
        return new IntSlice(byCpu, cpuStart[c], cpuStart[c + 1]);
    }

    /** Events of one task (by task index), in time order. */
    public IntSlice eventsOfTask(int taskIndex) {
        if (taskIndex < 0 || taskIndex + 1 >= taskStart.length) return IntSlice.EMPTY;
        return new IntSlice(byTask, taskStart[taskIndex], taskStart[taskIndex + 1]);
    }

    /** First event number with ts ≥ t (size() if none). */
    public int firstAtOrAfter(long t) {
        int lo = 0, hi = ts.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (ts[m] < t) lo = m + 1;
            else hi = m;
        }
        return lo;
    }

    /** Within a slice of event numbers in time order: first position whose event has ts ≥ t. */
    public int firstAtOrAfter(IntSlice s, long t) {
        int lo = 0, hi = s.size();
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (ts[s.get(m)] < t) lo = m + 1;
            else hi = m;
        }
        return lo;
    }

    /** Bytes retained by columns and indexes (payload arena and string tables excluded). */
    public long retainedIndexBytes() {
        return 8L * ts.length + 8L * ref.length + 4L * tid.length + 2L * cpu.length + 2L * type.length
                + 4L * byCpu.length + 4L * cpuStart.length + 4L * byTask.length + 4L * taskStart.length
                + 8L * typeCounts.length;
    }

    PayloadArena arena() {
        return arena;
    }

    public long payloadBytes() {
        return arena.retainedBytes();
    }
}
