package dev.virtscope.store;

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

    private final EventColumns columns;
    private String clock = "local";
    private boolean nsClock = true;
    private int cpusDeclared = -1;
    private PayloadRenderer renderer;

    public EventStoreBuilder() {
        columns = new EventColumns();
    }

    /** @param expectedEvents how many events are likely (a hint: the columns start that large) */
    public EventStoreBuilder(int expectedEvents) {
        columns = new EventColumns(expectedEvents);
    }

    /**
     * A builder that fills the arrays of scratch (emptied first) rather than new ones; scratch may
     * be handed to the next builder once this one has been {@link #append appended}.
     */
    public EventStoreBuilder(BuilderScratch scratch) {
        this.scratch = scratch;
        columns = scratch.columns;
        columns.reset();
    }

    /** Id of an event name ({@code kvm_exit}, without the {@code kvm:} system prefix). */
    public int eventType(byte[] b, int off, int len) {
        return eventNames.intern(b, off, len);
    }

    public int eventType(String name) {
        return eventNames.intern(name);
    }

    /** Payloads kept as slices of the input until {@link #placePayloads}; null: copied at once. */
    private PayloadSlices slices;
    /** Where the columns and slices come from, or null. */
    private BuilderScratch scratch;

    /** Stores payload bytes; the result goes to {@link #add}. */
    public long payload(byte[] b, int off, int len) {
        return slices != null ? slices.append(b, off, len) : arena.append(b, off, len);
    }

    /** The bytes of a payload {@link #payload} returned, before or after {@link #placePayloads}. */
    public void viewPayload(long ref, Payload out) {
        if (PayloadSlices.isSlice(ref)) slices.view(ref, out);
        else arena.view(ref, out);
    }

    /**
     * From now on payloads taken from source are not copied but kept as references into it (other
     * bytes are copied aside), until {@link #placePayloads}; source must not change until then.
     * expected: how many payloads are likely (a hint).
     */
    public void deferPayloads(byte[] source, int expected) {
        if (scratch != null) {
            slices = scratch.slices;
            slices.reset(source);
        } else {
            slices = new PayloadSlices(source, expected);
        }
    }

    /**
     * Copies the payloads deferred since {@link #deferPayloads} into into, each once, and points the
     * events at them. into may be this builder's arena or the arena of the builder this one will be
     * {@link #append appended} to, shared with other threads doing the same (see {@link PayloadArena#place});
     * the deferred payloads must all be in one builder's arena or the other's.
     */
    public void placePayloads(PayloadArena into) {
        if (slices == null) return;
        long[] refs = into.place(slices);
        slices = null;
        columns.resolveSlices(refs);
    }

    public void add(long tsNs, int cpuNo, int tidNo, int typeId, long payloadRef) {
        columns.add(tsNs, payloadRef, tidNo, (short) cpuNo, (char) typeId);
    }

    /** The payload reference of the last event added (for multi-line payloads that continue it). */
    public long lastPayload() {
        return columns.lastRef();
    }

    /** Points the last event added at another payload (its payload grew by a continuation line). */
    public void replaceLastPayload(long payloadRef) {
        columns.setLastRef(payloadRef);
    }

    public int size() {
        return columns.size();
    }

    /** Time of the i-th event added (input order, before {@link #build()} sorts). */
    public long ts(int i) {
        return columns.ts(i);
    }

    /** CPU of the i-th event added (input order). */
    public int cpu(int i) {
        return columns.cpu(i);
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
        columns.append(part.columns, pageBase, typeMap);
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

    public EventStore build(String format) {
        EventColumns.Flat f = columns.flatten();
        long[] t = f.ts();
        long[] r = f.ref();
        int[] p = f.tid();
        short[] c = f.cpu();
        char[] y = f.type();
        int n = t.length;
        if (!StableSort.isSorted(t, n)) {
            int[] order = StableSort.order(t, n);
            long[] t2 = new long[n];
            long[] r2 = new long[n];
            int[] p2 = new int[n];
            short[] c2 = new short[n];
            char[] y2 = new char[n];
            for (int k = 0; k < n; k++) {
                int o = order[k];
                t2[k] = t[o];
                r2[k] = r[o];
                p2[k] = p[o];
                c2[k] = c[o];
                y2[k] = y[o];
            }
            t = t2;
            r = r2;
            p = p2;
            c = c2;
            y = y2;
        }
        // the task of every event, which the per-task index needs too: one lookup per event, not two
        int[] taskOf = new int[n];
        int lastTid = 0, lastTask = -1;
        for (int k = 0; k < n; k++) {
            int id = p[k];
            if (lastTask < 0 || id != lastTid) { // runs of one task are common: one CPU's events in a row
                lastTask = tasks.task(id);
                lastTid = id;
            }
            taskOf[k] = lastTask;
        }
        arena.trim();
        TaskTable taskTable = tasks.build();
        EventStore store = new EventStore(format, clock, nsClock, cpusDeclared, t, r, p, c, y, eventNames, taskTable, arena, lost,
                warnings, taskOf);
        store.renderer = renderer;
        return store;
    }
}
