package dev.virtscope.decode;

/** Turns one event's payload text (or record bytes) into named, typed fields. */
@FunctionalInterface
public interface FieldDecoder {
    void decode(byte[] b, int start, int end, EventFields out);
}
