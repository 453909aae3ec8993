package dev.virtscope.store;

import java.util.Arrays;

/**
 * Appends events while a file is parsed: one call per event, primitive columns, no object per
 * event. {@link #build()} sorts by time (stable) and builds the per-CPU and per-task indexes.
 */
public final class EventStoreBuilder {
    public final StringTable eventNames = new StringTable();
    public final StringTable comms = new StringTable();
    public final TaskTable.Builder tasks = new TaskTable.Builder(comms);
    public final PayloadArena arena = new PayloadArena();
    public final LostEvents lost = new LostEvents();
    public final Warnings warnings = new Warnings();

    private long[] ts = new long[1024];
    private long[] ref = new long[1024];
    private int[] tid = new int[1024];
    private short[] cpu = new short[1024];
    private char[] type = new char[1024];
    private int size;
    private String clock = "local";
    private boolean nsClock = true;
    private int cpusDeclared = -1;
    private PayloadRenderer renderer;

    /** Id of an event name ({@code kvm_exit}, without the {@code kvm:} system prefix). */
    public int eventType(byte[] b, int off, int len) {
        return eventNames.intern(b, off, len);
    }

    public int eventType(String name) {
        return eventNames.intern(name);
    }

    /** Stores payload bytes; the result goes to {@link #add}. */
    public long payload(byte[] b, int off, int len) {
        return arena.append(b, off, len);
    }

    public void add(long tsNs, int cpuNo, int tidNo, int typeId, long payloadRef) {
        if (size == ts.length) grow();
        ts[size] = tsNs;
        ref[size] = payloadRef;
        tid[size] = tidNo;
        cpu[size] = (short) cpuNo;
        type[size] = (char) typeId;
        size++;
    }

    /** The payload reference of the last event added (for multi-line payloads that continue it). */
    public long lastPayload() {
        return ref[size - 1];
    }

    /** Points the last event added at another payload (its payload grew by a continuation line). */
    public void replaceLastPayload(long payloadRef) {
        ref[size - 1] = payloadRef;
    }

    public int size() {
        return size;
    }

    /** Time of the i-th event added (input order, before {@link #build()} sorts). */
    public long ts(int i) {
        return ts[i];
    }

    /** CPU of the i-th event added (input order). */
    public int cpu(int i) {
        return cpu[i];
    }

    /** The CPU count the header stated, or -1. */
    public int cpusDeclared() {
        return cpusDeclared;
    }

    /**
     * Moves every event of part (a builder filled from the next piece of the same input) after the
     * events already here, in part's input order: its payload pages are adopted, not copied, and its
     * event type ids are renamed through typeMap (part's id → id here). part must not be used afterwards.
     */
    public void append(EventStoreBuilder part, int[] typeMap) {
        long pageBase = (long) arena.adopt(part.arena) << 32;
        int n = part.size;
        if (size + n > ts.length) {
            int c = Math.max(size + n, size + (size >> 2));
            ts = Arrays.copyOf(ts, c);
            ref = Arrays.copyOf(ref, c);
            tid = Arrays.copyOf(tid, c);
            cpu = Arrays.copyOf(cpu, c);
            type = Arrays.copyOf(type, c);
        }
        System.arraycopy(part.ts, 0, ts, size, n);
        System.arraycopy(part.tid, 0, tid, size, n);
        System.arraycopy(part.cpu, 0, cpu, size, n);
        long[] pr = part.ref;
        char[] pt = part.type;
        for (int k = 0; k < n; k++) {
            ref[size + k] = pr[k] + pageBase;
            type[size + k] = (char) typeMap[pt[k]];
        }
        size += n;
        part.ts = null;
        part.ref = null;
        part.tid = null;
        part.cpu = null;
        part.type = null;
    }

    /** The trace clock ({@code local}, {@code mono}, {@code x86-tsc}, …); nsClock false means timestamps are raw counts. */
    public void clock(String name, boolean isNs) {
        clock = name;
        nsClock = isNs;
    }

    /** CPU count stated by the file header ({@code #P:2}, {@code cpus=2}), if any. */
    public void cpusDeclared(int n) {
        cpusDeclared = n;
    }

    /** For binary payloads (trace.dat records): how to show them as text; see {@link EventStore#payloadRenderer()}. */
    public void payloadRenderer(PayloadRenderer r) {
        renderer = r;
    }

    private void grow() {
        int c = size + (size >> 1);
        ts = Arrays.copyOf(ts, c);
        ref = Arrays.copyOf(ref, c);
        tid = Arrays.copyOf(tid, c);
        cpu = Arrays.copyOf(cpu, c);
        type = Arrays.copyOf(type, c);
    }

    public EventStore build(String format) {
        int n = size;
        long[] t = ts;
        long[] r = ref;
        int[] p = tid;
        short[] c = cpu;
        char[] y = type;
        if (!StableSort.isSorted(ts, n)) {
            int[] order = StableSort.order(ts, n);
            t = new long[n];
            r = new long[n];
            p = new int[n];
            c = new short[n];
            y = new char[n];
            for (int k = 0; k < n; k++) {
                int o = order[k];
                t[k] = ts[o];
                r[k] = ref[o];
                p[k] = tid[o];
                c[k] = cpu[o];
                y[k] = type[o];
            }
        } else {
            t = Arrays.copyOf(ts, n);
            r = Arrays.copyOf(ref, n);
            p = Arrays.copyOf(tid, n);
            c = Arrays.copyOf(cpu, n);
            y = Arrays.copyOf(type, n);
        }
        ts = null;
        ref = null;
        tid = null;
        cpu = null;
        type = null;
        for (int k = 0; k < n; k++) tasks.task(p[k]);
        arena.trim();
        TaskTable taskTable = tasks.build();
        EventStore store = new EventStore(format, clock, nsClock, cpusDeclared, t, r, p, c, y, eventNames, taskTable, arena, lost, warnings);
        store.renderer = renderer;
        return store;
    }
}
