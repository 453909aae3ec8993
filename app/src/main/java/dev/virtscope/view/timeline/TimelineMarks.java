package dev.virtscope.view.timeline;

/**
 * What the timeline marks over its lanes: the selected event's time and a selected time range.
 * {@link #NONE} (Long.MIN_VALUE) stands for "not set".
 */
public record TimelineMarks(long cursor, long rangeStart, long rangeEnd) {
    public static final long NONE = Long.MIN_VALUE;
    public static final TimelineMarks EMPTY = new TimelineMarks(NONE, NONE, NONE);

    public boolean hasRange() {
        return rangeStart != NONE && rangeEnd != NONE;
    }
}
