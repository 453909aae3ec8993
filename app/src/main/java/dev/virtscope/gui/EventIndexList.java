package dev.virtscope.gui;

import javafx.collections.ObservableListBase;

/**
 * The rows of the events table: the event numbers 0 … size-1, computed on demand. Nothing is stored
 * per event, so a table of ten million events costs what the visible rows cost; cells read the
 * store's columns by event number. Immutable: a new trace gets a new list.
 */
final class EventIndexList extends ObservableListBase<Integer> {
    private final int size;

    EventIndexList(int size) {
        this.size = size;
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return index;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int indexOf(Object o) {
        return o instanceof Integer i && i >= 0 && i < size ? i : -1;
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
