package dev.virtscope.store;

import java.nio.charset.StandardCharsets;

/**
 * A reusable view of one event's payload bytes: {@code bytes[start, end)}. Filled by
 * {@link EventStore#payload(int, Payload)} so that scanning millions of payloads allocates nothing.
 */
public final class Payload {
    public byte[] bytes;
    public int start;
    public int end;

    public int length() {
        return end - start;
    }

    public void set(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
    }

    @Override
    public String toString() {
        return bytes == null ? "" : new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
}
