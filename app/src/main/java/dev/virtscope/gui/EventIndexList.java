package dev.virtscope.gui;

import java.util.Arrays;

import javafx.collections.ObservableListBase;

/**
 * The rows of the events table as event numbers, without an object per event: either all events
 * 0 … size-1 (computed on demand), or the ascending event numbers a filter kept (one int each).
 * Cells read the store's columns by event number. Immutable: a new trace or filter gets a new list.
 */
final class EventIndexList extends ObservableListBase<Integer> {
    private final int size;
    /** null: every event; else the event numbers shown, ascending */
    private final int[] events;

    EventIndexList(int size) {
        this.size = size;
        this.events = null;
    }

    EventIndexList(int[] events) {
        this.size = events.length;
        this.events = events;
    }

    @Override
    public Integer get(int row) {
        if (row < 0 || row >= size) throw new IndexOutOfBoundsException(row);
        return events == null ? row : events[row];
    }

    /** Event number shown in a row, without boxing. */
    int event(int row) {
        return events == null ? row : events[row];
    }

    @Override
    public int size() {
        return size;
    }

    /** Row of an event number, or -1 when it is not shown. */
    int rowOf(int event) {
        if (events == null) return event >= 0 && event < size ? event : -1;
        int r = Arrays.binarySearch(events, event);
        return r >= 0 ? r : -1;
    }

    /** Row of the first shown event whose number is ≥ event (size() if none). */
    int rowAtOrAfter(int event) {
        if (events == null) return Math.max(0, Math.min(event, size));
        int r = Arrays.binarySearch(events, event);
        return r >= 0 ? r : -r - 1;
    }

    @Override
    public int indexOf(Object o) {
        return o instanceof Integer i ? rowOf(i) : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }
}
