package dev.virtscope.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Trace;

/** Loads several files into one {@link Session}, then applies the user's {@code --offset FILE=NS} options. */
public final class SessionLoader {
    private SessionLoader() {
    }

    public static Session load(List<Path> files, LoadOptions options, List<OffsetOption> offsets, LoadMonitor monitor) throws IOException {
        TraceLoader loader = TraceLoader.standard();
        List<Trace> traces = new ArrayList<>();
        for (Path p : files) traces.add(loader.load(p, options, monitor));
        return fromTraces(traces, offsets);
    }

    /** A session of already loaded traces (callers that report load errors per file), with the user's offsets applied. */
    public static Session fromTraces(List<Trace> traces, List<OffsetOption> offsets) {
        Session s = new Session(traces);
        for (OffsetOption o : offsets) {
            if (!o.applyTo(s)) throw new IllegalArgumentException("--offset " + o.file() + "=" + o.ns() + ": no such file among " + s.sources());
        }
        return s;
    }
}
