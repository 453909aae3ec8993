package dev.virtscope.gui;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.concurrent.Task;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.session.MergedTrace;
import dev.virtscope.store.Trace;

/**
 * Files being read on a worker thread: one file (File → Open…), one more file for the open session
 * (File → Add file to session…) or every file of a saved session. Progress is bytes read of the
 * file being read, reported by the importer through {@link LoadMonitor#progress}; cancelling makes
 * the importer stop at its next check. Merging the files and choosing the time precision happen
 * here too, so the FX thread only swaps the finished result in.
 */
final class TraceLoadTask extends Task<Trace> {
    /**
     * @param base    the session the files join, or null for a new one
     * @param files   the files to read
     * @param offsets per file, the ns added to its times, or null to let the clocks decide ({@link MergedTrace#with})
     * @param then    run on the FX thread once the result is shown (a saved session restores its views), or null
     */
    record Plan(Session.OpenTrace base, List<Session.OpenFile> files, List<Long> offsets, Runnable then) {
        static Plan open(Session.OpenFile file) {
            return new Plan(null, List.of(file), java.util.Collections.singletonList(null), null);
        }

        /** The same plan with one file's load options replaced (a trace-events file chosen after a failure). */
        Plan withFile(int k, Session.OpenFile f) {
            List<Session.OpenFile> l = new ArrayList<>(files);
            l.set(k, f);
            return new Plan(base, l, offsets, then);
        }
    }

    private final Plan plan;
    private final TraceReader reader;
    private volatile int reading;
    private volatile Session.OpenTrace result;

    TraceLoadTask(Plan plan, TraceReader reader) {
        this.plan = plan;
        this.reader = reader;
        updateTitle(String.valueOf(plan.files().get(0).path().getFileName()));
    }

    Plan plan() {
        return plan;
    }

    /** Index in the plan of the file being read (the one that failed, after a failure). */
    int reading() {
        return reading;
    }

    @Override
    protected Trace call() throws Exception {
        List<Trace> traces = new ArrayList<>();
        for (int k = 0; k < plan.files().size(); k++) {
            reading = k;
            Session.OpenFile f = plan.files().get(k);
            updateTitle(String.valueOf(f.path().getFileName()));
            traces.add(read(f));
        }
        MergedTrace merged = plan.base() == null ? MergedTrace.single(traces.get(0)) : plan.base().merged().with(traces.get(0), plan.offsets().get(0));
        if (traces.size() > 1 || plan.base() != null) {
            updateMessage("merging the files");
            updateProgress(-1, 1);
        }
        for (int k = 1; k < traces.size(); k++) {
            checkCancelled();
            merged = merged.with(traces.get(k), plan.offsets().get(k));
        }
        checkCancelled();
        List<Session.OpenFile> files = new ArrayList<>();
        if (plan.base() != null) files.addAll(plan.base().files());
        files.addAll(plan.files());
        Trace t = merged.trace();
        // choosing the time precision scans the time column: do it here, not on the FX thread
        result = new Session.OpenTrace(files.get(0).path(), t, TimeText.of(t.events()), merged, files);
        return t;
    }

    private Trace read(Session.OpenFile f) throws Exception {
        Path path = f.path();
        // say plainly what is wrong with the path before any importer looks at it
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString());
        if (Files.isDirectory(path)) throw new FileSystemException(path.toString(), null, "is a directory, not a trace file");
        if (!Files.isReadable(path)) throw new AccessDeniedException(path.toString());
        return reader.read(path, f.options(), new LoadMonitor() {
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
    }

    private void checkCancelled() {
        if (isCancelled()) throw new java.util.concurrent.CancellationException("cancelled");
    }

    /** What the window shows once the load succeeded. */
    Session.OpenTrace result() {
        return result;
    }
}
