package dev.virtscope.gui;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * The selection shared by all views: one selected event (by event number) and a time range in
 * trace time. A range with start == end == {@link #NONE} means "nothing selected".
 */
public final class Selection {
    public static final long NONE = Long.MIN_VALUE;

    private final IntegerProperty event = new SimpleIntegerProperty(this, "event", -1);
    private final LongProperty rangeStart = new SimpleLongProperty(this, "rangeStart", NONE);
    private final LongProperty rangeEnd = new SimpleLongProperty(this, "rangeEnd", NONE);

    /** Selected event number, -1 when none. */
    public IntegerProperty eventProperty() {
        return event;
    }

    public LongProperty rangeStartProperty() {
        return rangeStart;
    }

    public LongProperty rangeEndProperty() {
        return rangeEnd;
    }

    public boolean hasRange() {
        return rangeStart.get() != NONE && rangeEnd.get() != NONE;
    }

    public void selectRange(long start, long end) {
        rangeStart.set(Math.min(start, end));
        rangeEnd.set(Math.max(start, end));
    }

    public void clear() {
        event.set(-1);
        rangeStart.set(NONE);
        rangeEnd.set(NONE);
    }
}
