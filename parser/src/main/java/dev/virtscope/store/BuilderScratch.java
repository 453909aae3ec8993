package dev.virtscope.store;

/**
 * The large arrays of a builder filled from one piece of input, its columns and its payload slices,
 * kept for the builder of the next piece once the first has been appended
 * ({@link EventStoreBuilder#append}): a parser thread going from chunk to chunk then allocates, zeroes
 * and faults in these arrays once, not once per chunk. One scratch serves one builder at a time.
 */
public final class BuilderScratch {
    final EventColumns columns;
    final PayloadSlices slices;

    /** @param expectedEvents events per piece of input, likely: the first arrays are that large */
    public BuilderScratch(int expectedEvents) {
        columns = new EventColumns(expectedEvents);
        slices = new PayloadSlices(null, expectedEvents);
    }
}
