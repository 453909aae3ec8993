package dev.virtscope.io;

import java.io.IOException;

/** A compressed file expanded past {@link DecompressionLimits}; the message names the file and the limit. */
public final class DecompressionLimitException extends IOException {
    public DecompressionLimitException(String message) {
        super(message);
    }
}
