package dev.virtscope.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LoadOptions;

/**
 * Import speed of the three QEMU importers on the real 212,700-event QEMU 8.2.0 sample (binary
 * simpletrace, simpletrace.py text, log backend), all .xz-compressed as stored: best of 5 loads.
 */
public final class QemuImportBench implements Benchmark {
    @Override
    public String id() {
        return "qemu-import";
    }

    @Override
    public String description() {
        return "load the real QEMU fullboot sample in its three forms (best of 5, includes xz decompression)";
    }

    @Override
    public void run(Path workDir, PrintStream out) throws Exception {
        Path samples = Path.of("").toAbsolutePath();
        while (samples != null && !Files.isDirectory(samples.resolve("samples"))) samples = samples.getParent();
        if (samples == null) throw new IllegalStateException("samples/ not found above the working directory");
        Path dir = samples.resolve("samples/generated/qemu-simpletrace");
        LoadOptions opts = new LoadOptions(List.of(dir.resolve("trace-events-all-8.2.0")));
        for (String f : List.of("trace-20268.xz", "simpletrace-output.txt.xz", "log-backend.txt.xz")) {
            Path p = dir.resolve("tcg-linux-smp2-fullboot").resolve(f);
            long best = Long.MAX_VALUE;
            EventStore s = null;
            for (int run = 0; run < 5; run++) {
                long t0 = System.nanoTime();
                s = TraceLoader.standard().load(p, opts, LoadMonitor.NONE).events();
                best = Math.min(best, System.nanoTime() - t0);
            }
            out.printf("%-28s %-22s %,9d events  best %7.1f ms  %6.2f M events/s  payload %,d bytes%n", f, s.format(), s.size(),
                    best / 1e6, s.size() / (best / 1e9) / 1e6, s.payloadBytes());
        }
    }
}
