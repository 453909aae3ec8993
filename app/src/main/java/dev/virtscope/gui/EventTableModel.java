package dev.virtscope.gui;

import dev.virtscope.session.MergedTrace;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.Payload;

/**
 * The text of each cell of the events table, read from the store's columns by event number when
 * a cell becomes visible. Payload text is decoded only then, through one reusable {@link Payload}.
 */
public final class EventTableModel {
    private final EventStore store;
    private final TimeText time;
    private final Payload payload = new Payload();
    private final MergedTrace merged;
    private final String[] fileNames;

    public EventTableModel(EventStore store, TimeText time) {
        this(store, time, null);
    }

    /** @param merged the files of a session (the file of each event), or null for one file */
    public EventTableModel(EventStore store, TimeText time, MergedTrace merged) {
        this.store = store;
        this.time = time;
        this.merged = merged;
        int n = merged == null ? 1 : merged.files().size();
        fileNames = new String[n];
        for (int f = 0; f < n; f++) fileNames[f] = merged == null ? "" : MergedTrace.fileName(merged.files().get(f).source());
    }

    /** How many files the events come from. */
    public int files() {
        return fileNames.length;
    }

    /** Name of the file event i came from. */
    public String file(int i) {
        return fileNames[merged == null ? 0 : merged.fileOf(i)];
    }

    public EventStore store() {
        return store;
    }

    public TimeText timeText() {
        return time;
    }

    public int rows() {
        return store.size();
    }

    public String time(int i) {
        return time.absolute(store.ts(i));
    }

    /** Time since the previous event (any CPU); empty for the first. */
    public String delta(int i) {
        return i == 0 ? "" : time.delta(store.ts(i) - store.ts(i - 1));
    }

    /** Time since an earlier event (the previous row shown when a filter is on); empty when there is none. */
    public String delta(int i, int previous) {
        return previous < 0 ? "" : time.delta(store.ts(i) - store.ts(previous));
    }

    public String cpu(int i) {
        int c = store.cpu(i);
        return c < 0 ? "?" : Integer.toString(c);
    }

    /** {@code comm-tid}, the way ftrace prints a task, with the comm the task had at that time. */
    public String task(int i) {
        return store.comm(i) + "-" + store.tid(i);
    }

    public String event(int i) {
        return store.eventName(i);
    }

    /** The payload as the kernel prints it: text traces hold that text, trace.dat records are rendered. */
    public String payload(int i) {
        if (store.payloadRenderer() != null) return store.payloadString(i);
        store.payload(i, payload);
        return payload.toString();
    }
}
