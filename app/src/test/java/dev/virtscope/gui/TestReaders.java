package dev.virtscope.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.UnrecognisedFormatException;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.Trace;
import dev.virtscope.store.TraceBuilder;
import dev.virtscope.store.LoadOptions;

/** Readers the window tests plug into the load path. */
public final class TestReaders {
    private TestReaders() {
    }

    /**
     * The standard reader, except that ftrace text the standard loader does not recognise is read
     * with the test's own line splitter into a store (so the window can be tested on real samples
     * whatever importers exist).
     */
    public static TraceReader standardOrSimpleFtrace() {
        TraceReader standard = TraceReader.standard();
        return (path, monitor) -> {
            try {
                return standard.read(path, monitor);
            } catch (UnrecognisedFormatException e) {
                if (!path.getFileName().toString().startsWith("trace-variant")) throw e;
                return simpleFtrace(path);
            }
        };
    }

    public static Trace simpleFtrace(Path path) throws IOException {
        TraceBuilder tb = new TraceBuilder(LoadOptions.DEFAULT);
        EventStoreBuilder b = tb.events;
        for (SampleLine l : SampleLine.all(path)) {
            long ts = l.ns();
            b.tasks.seen(l.tid(), b.comms.intern(l.comm()), ts);
            byte[] p = l.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            b.add(ts, l.cpu(), l.tid(), b.eventType(l.event()), b.payload(p, 0, p.length));
        }
        return tb.build(path.toString(), "ftrace");
    }

    /** A reader that reports half progress and then waits until the load is cancelled. */
    static TraceReader blockingUntilCancelled() {
        return (path, monitor) -> {
            monitor.progress(50, 100);
            while (!monitor.cancelled()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    throw new CancellationException("interrupted");
                }
            }
            monitor.checkCancelled();
            throw new IllegalStateException("unreachable");
        };
    }

    /** Delegates to a reader that the test can swap between loads. */
    static final class Switchable implements TraceReader {
        volatile TraceReader delegate;

        Switchable(TraceReader first) {
            delegate = first;
        }

        @Override
        public Trace read(Path path, LoadMonitor monitor) throws IOException {
            return delegate.read(path, monitor);
        }
    }
}
