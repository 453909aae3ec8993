package dev.virtscope.store;

import dev.virtscope.stack.StackStoreBuilder;

/**
 * What an importer writes into: the event store builder, plus the options the user gave for
 * this load. Formats that produce other kinds of data (stack samples) get their own builders here.
 */
public final class TraceBuilder {
    public final EventStoreBuilder events = new EventStoreBuilder();
    /** Stack samples (perf callchains, folded stacks). */
    public final StackStoreBuilder stacks = new StackStoreBuilder();
    public final LoadOptions options;

    public TraceBuilder(LoadOptions options) {
        this.options = options;
    }

    public Trace build(String source, String format) {
        return new Trace(source, format, events.build(format), stacks.build());
    }
}
