package dev.virtscope.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Trace;
import dev.virtscope.store.TraceBuilder;

/**
 * What every fuzz target checks: an importer given any bytes either loads them (events, warnings,
 * stack samples whose payload text can be rendered) or refuses them with an {@link IOException}
 * that says why. Any other exception, a hang or running out of memory is a bug.
 */
final class FuzzLoad {
    /** Rendered per input: payload text is decoded lazily (trace.dat print formats), so it is part of loading. */
    private static final int RENDERED = 256;
    private static Path file;

    private FuzzLoad() {
    }

    /** One reused file per JVM (on tmpfs when there is one): importers read paths, not byte arrays. */
    static synchronized Path write(byte[] data) {
        try {
            if (file == null) {
                Path shm = Path.of("/dev/shm");
                file = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempFile(shm, "virtscope-fuzz", ".bin")
                        : Files.createTempFile("virtscope-fuzz", ".bin");
                file.toFile().deleteOnExit();
            }
            Files.write(file, data);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void run(TraceFormat format, byte[] data, LoadOptions options) {
        if (data == null) return;
        Path f = write(data);
        try {
            TraceSource src = new TraceSource(f);
            format.probe(src.head());
            TraceBuilder b = new TraceBuilder(options);
            format.load(src, b, LoadMonitor.NONE);
            Trace t = b.build(f.toString(), format.name());
            EventStore s = t.events();
            for (int i = 0; i < Math.min(s.size(), RENDERED); i++) {
                s.payloadString(i);
                s.comm(i);
            }
            if (s.warnings().count() < s.warnings().kept().size()) throw new AssertionError("warning count below the kept warnings");
        } catch (IOException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) throw new AssertionError("an error without a message", e);
        }
    }
}
