package dev.virtscope.store;

import dev.virtscope.stack.StackStore;

/** One loaded file: where it came from, the format detected, its events and its stack samples. */
public final class Trace {
    private final String source;
    private final String format;
    private final EventStore events;
    private final StackStore stacks;

    public Trace(String source, String format, EventStore events) {
        this(source, format, events, StackStore.EMPTY);
    }

    public Trace(String source, String format, EventStore events, StackStore stacks) {
        this.source = source;
        this.format = format;
        this.events = events;
        this.stacks = stacks == null ? StackStore.EMPTY : stacks;
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

    /** Stack samples (perf callchains, folded stacks); empty for formats without stacks. */
    public StackStore stacks() {
        return stacks;
    }
}
