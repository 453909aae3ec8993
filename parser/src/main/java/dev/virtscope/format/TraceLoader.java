package dev.virtscope.format;

import java.io.IOException;
import java.nio.file.Path;

import dev.virtscope.io.TraceSource;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Trace;
import dev.virtscope.store.TraceBuilder;

/** The one entry point that turns a file into a {@link Trace}: detect, import, build indexes. */
public final class TraceLoader {
    private final FormatRegistry registry;

    public TraceLoader(FormatRegistry registry) {
        this.registry = registry;
    }

    /** A loader knowing every format VirtScope reads. */
    public static TraceLoader standard() {
        return new TraceLoader(Formats.all());
    }

    public Trace load(Path path) throws IOException {
        return load(path, LoadOptions.DEFAULT, LoadMonitor.NONE);
    }

    public Trace load(Path path, LoadOptions options, LoadMonitor monitor) throws IOException {
        TraceSource src = new TraceSource(path);
        TraceFormat f = registry.detect(src);
        TraceBuilder b = new TraceBuilder(options);
        f.load(src, b, monitor);
        monitor.checkCancelled();
        return b.build(path.toString(), f.name());
    }
}
