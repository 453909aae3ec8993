package dev.virtscope.store;

/**
 * Turns a stored payload into the text the tracer would print, for formats whose payloads are
 * binary records (trace.dat) rather than text. Text formats have none: their payload is the text.
 */
@FunctionalInterface
public interface PayloadRenderer {
    String text(byte[] b, int start, int end);
}
