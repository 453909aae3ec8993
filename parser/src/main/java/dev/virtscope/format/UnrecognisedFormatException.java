package dev.virtscope.format;

import java.io.IOException;

/** No importer recognised the file; the message names the file and every format tried. */
public final class UnrecognisedFormatException extends IOException {
    public UnrecognisedFormatException(String message) {
        super(message);
    }
}
