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
    private final LoadLimits limits;

    public TraceLoader(FormatRegistry registry) {
        this(registry, LoadLimits.DEFAULT);
    }

    /** @param limits decompression caps and the heap a load may use (checked against an estimate before loading) */
    public TraceLoader(FormatRegistry registry, LoadLimits limits) {
        this.registry = registry;
        this.limits = limits;
    }

    /** A loader knowing every format VirtScope reads. */
    public static TraceLoader standard() {
        return new TraceLoader(Formats.all());
    }

    public Trace load(Path path) throws IOException {
        return load(path, LoadOptions.DEFAULT, LoadMonitor.NONE);
    }

    public Trace load(Path path, LoadOptions options, LoadMonitor monitor) throws IOException {
        TraceSource src = new TraceSource(path, limits.decompression());
        TraceFormat f = registry.detect(src);
        MemoryEstimate need = MemoryEstimate.of(src, f);
        need.check(src, limits.availableHeap());
        try {
            TraceBuilder b = new TraceBuilder(options);
            f.load(src, b, monitor);
            monitor.checkCancelled();
            String early = src.endedEarly();
            if (early != null) b.events.warnings.add(-1, early + "; everything before it is loaded");
            return b.build(path.toString(), f.name());
        } catch (OutOfMemoryError e) {
            // the estimate was too low: the half-built store is garbage now, so the heap is back for the caller
            throw new InsufficientMemoryException(path + ": ran out of memory while loading (estimated " + (need.heapBytes() >> 20)
                    + " MB, the JVM may use " + (Runtime.getRuntime().maxMemory() >> 20) + " MB); start VirtScope with a larger heap"
                    + " (VIRTSCOPE_XMX=16g, or java -Xmx16g)", e);
        }
    }
}
