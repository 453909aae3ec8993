package dev.virtscope.store;

/** One loaded file: where it came from, the format detected, and its events. */
public final class Trace {
    private final String source;
    private final String format;
    private final EventStore events;

    public Trace(String source, String format, EventStore events) {
        this.source = source;
        this.format = format;
        this.events = events;
    }

    public String source() {
        return source;
    }

    public String format() {
        return format;
    }

    public EventStore events() {
        return events;
    }
}
