package dev.virtscope.format;

import java.io.IOException;

/**
 * A trace too large for the heap: refused before loading (from {@link MemoryEstimate}) or stopped
 * when the JVM ran out of memory part-way, in which case everything read is dropped. Either way the
 * application keeps running with what it had open; the message says how much memory is needed.
 */
public final class InsufficientMemoryException extends IOException {
    public InsufficientMemoryException(String message) {
        super(message);
    }

    public InsufficientMemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
