package dev.virtscope.gui;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.concurrent.Task;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.store.Trace;

/**
 * One file being read on a worker thread. Progress is bytes read of the file size, reported by the
 * importer through {@link LoadMonitor#progress}; cancelling makes the importer stop at its next check.
 */
final class TraceLoadTask extends Task<Trace> {
    private final Path path;
    private final TraceReader reader;
    private volatile TimeText timeText;

    TraceLoadTask(Path path, TraceReader reader) {
        this.path = path;
        this.reader = reader;
        updateTitle(String.valueOf(path.getFileName()));
    }

    Path path() {
        return path;
    }

    @Override
    protected Trace call() throws Exception {
        // say plainly what is wrong with the path before any importer looks at it
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString());
        if (Files.isDirectory(path)) throw new FileSystemException(path.toString(), null, "is a directory, not a trace file");
        if (!Files.isReadable(path)) throw new AccessDeniedException(path.toString());
        Trace trace = reader.read(path, new LoadMonitor() {
            @Override
            public void progress(long done, long total) {
                updateProgress(done, total);
                updateMessage(ByteSizes.format(done) + " of " + ByteSizes.format(total));
            }

            @Override
            public boolean cancelled() {
                return isCancelled();
            }
        });
        // choosing the time precision scans the time column: do it here, not on the FX thread
        timeText = TimeText.of(trace.events());
        return trace;
    }

    /** How the loaded trace's times are printed; set when the load succeeded. */
    TimeText timeText() {
        return timeText;
    }
}
