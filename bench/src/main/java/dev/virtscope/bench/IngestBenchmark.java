package dev.virtscope.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/**
 * Ingest: parse + store + indexes of a large kernel ftrace text, in MB/s, against {@code wc -l} on
 * the same file; then the heap the loaded store keeps per event. The input is built by
 * {@link FtraceConcat} from the real sample trace-kvm-sched-6.18 (time-shifted copies).
 * Size with -Dvirtscope.bench.ingestMB=N (default 1024). Retained heap per event: {@link RetainedHeapBenchmark}.
 */
final class IngestBenchmark implements Benchmark {
    private static final String SAMPLE = LoadFigures.SAMPLE;

    @Override
    public String id() {
        return "ingest";
    }

    @Override
    public String description() {
        return "ftrace text parse+store+indexes throughput (input: time-shifted copies of "
                + SAMPLE + "), baseline wc -l";
    }

    @Override
    public void run(Path workDir, PrintStream out) throws Exception {
        Path input = LoadFigures.input(workDir, out);
        out.printf("parser threads: %s (-Dvirtscope.ingest.threads)%n", Integer.getInteger("virtscope.ingest.threads", Runtime.getRuntime().availableProcessors()));
        long bytes = Files.size(input);
        double mib = bytes / 1048576.0;
        out.printf("input size: %.1f MiB%n", mib);

        double wc = LoadFigures.wcSeconds(input);
        out.printf("wc -l: %.2f s = %.0f MiB/s (baseline), %s%n", wc, mib / wc, LoadFigures.load());

        EventStore store = null;
        double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
        int runs = Integer.getInteger("virtscope.bench.runs", 3);
        for (int r = 0; r < runs; r++) {
            store = null;
            LoadFigures.gc();
            long c0 = processCpuNs();
            long t0 = System.nanoTime();
            store = TraceLoader.standard().load(input).events();
            double s = (System.nanoTime() - t0) / 1e9;
            // CPU time of every thread of the JVM (parsers, reader, GC): with the wall time it shows how much of the machine the load had
            double cpu = (processCpuNs() - c0) / 1e9;
            best = Math.min(best, s);
            bestCpu = Math.min(bestCpu, cpu);
            out.printf("run %d: %d events in %.2f s = %.0f MiB/s (process CPU %.2f s), %.3fx of wc -l (goal >= 0.10x: %s), %s%n",
                    r + 1, store.size(), s, mib / s, cpu, wc / s, wc / s >= 0.10 ? "met" : "NOT met", LoadFigures.load());
        }
        out.printf("ingest best: %.0f MiB/s, %.0f ns/event = %.3fx of wc -l's throughput; wc -l is %.1fx faster%n", mib / best,
                best * 1e9 / store.size(), wc / best, best / wc);

        out.printf("warnings: %d%n", store.warnings().count());
    }

    private static long processCpuNs() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }
}
