package dev.virtscope.view.timeline;

/**
 * What the timeline marks over its lanes: the selected event's time, a selected time range and
 * the user's markers A and B. {@link #NONE} (Long.MIN_VALUE) stands for "not set".
 */
public record TimelineMarks(long cursor, long rangeStart, long rangeEnd, long markerA, long markerB) {
    public static final long NONE = Long.MIN_VALUE;
    public static final TimelineMarks EMPTY = new TimelineMarks(NONE, NONE, NONE);

    /** Without markers. */
    public TimelineMarks(long cursor, long rangeStart, long rangeEnd) {
        this(cursor, rangeStart, rangeEnd, NONE, NONE);
    }

    public boolean hasRange() {
        return rangeStart != NONE && rangeEnd != NONE;
    }
}
