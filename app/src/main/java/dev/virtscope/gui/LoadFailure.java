package dev.virtscope.gui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.virtscope.format.UnrecognisedFormatException;

/** Why a file could not be opened, in words a user can act on, plus the technical details. */
public record LoadFailure(Path path, String reason, String details) {

    public static LoadFailure of(Path path, Throwable error) {
        String reason;
        if (error instanceof NoSuchFileException) reason = "the file does not exist";
        else if (error instanceof AccessDeniedException) reason = "permission denied";
        else if (error instanceof UnrecognisedFormatException) reason = error.getMessage();
        else if (error instanceof FileSystemException fs && fs.getReason() != null) reason = fs.getReason();
        else if (error instanceof OutOfMemoryError) reason = "not enough memory to hold this trace (raise -Xmx)";
        else reason = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String details = "File: " + path.toAbsolutePath() + "\nReason: " + reason + "\n\n" + trace;
        return new LoadFailure(path, reason, details);
    }
}
