package dev.virtscope.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user told us about a file that its bytes cannot say.
 *
 * @param traceEvents QEMU trace-events files describing a binary simpletrace's events
 */
public record LoadOptions(List<Path> traceEvents) {
    public static final LoadOptions DEFAULT = new LoadOptions(List.of());
}
