package dev.virtscope.view;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Exports (PNG, SVG, CSV) are written to a temporary file beside the target and renamed over it
 * only once complete: a failure part-way (disk full, a rendering error, the process killed) leaves
 * the previous file as it was and no half-written picture behind.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the complete content into the temporary file it is given. */
    public interface Content {
        void writeTo(Path tmp) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // a sibling, so the rename stays on one file system; hidden, so file managers do not show it meanwhile
        // created like any new file (umask permissions), unlike createTempFile's owner-only mode
        Path tmp = Files.createFile(dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp"));
        try {
            content.writeTo(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
