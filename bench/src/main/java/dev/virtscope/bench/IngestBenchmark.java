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
 * Size with -Dvirtscope.bench.ingestMB=N (default 256).
 */
final class IngestBenchmark implements Benchmark {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final String SAMPLE = "samples/generated/ftrace/trace-kvm-sched-6.18.txt.xz";

    @Override
    public String id() {
        return "ingest";
    }

    @Override
    public String description() {
        return "ftrace text parse+store+indexes throughput and retained bytes per event (input: time-shifted copies of "
                + SAMPLE + "), baseline wc -l";
    }

    @Override
    public void run(Path workDir, PrintStream out) throws Exception {
        long mb = Long.getLong("virtscope.bench.ingestMB", 256);
        Path input = workDir.resolve("ftrace-kvm-sched-concat-" + mb + "MB.txt");
        if (!Files.exists(input)) {
            int copies = FtraceConcat.write(Path.of(System.getProperty("virtscope.samples", SAMPLE)), input, mb << 20);
            out.printf("input: %s, %d time-shifted copies of %s%n", input, copies, SAMPLE);
        }
        long bytes = Files.size(input);
        double mib = bytes / 1048576.0;
        out.printf("input size: %.1f MiB%n", mib);

        double wc = wcSeconds(input);
        out.printf("wc -l: %.2f s = %.0f MiB/s (baseline)%n", wc, mib / wc);

        EventStore store = null;
        double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
        int runs = Integer.getInteger("virtscope.bench.runs", 3);
        for (int r = 0; r < runs; r++) {
            store = null;
            gc();
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            store = TraceLoader.standard().load(input).events();
            double s = (System.nanoTime() - t0) / 1e9;
            // the loading thread's own CPU time: steadier than wall time on a shared machine (GC threads excluded)
            double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            best = Math.min(best, s);
            bestCpu = Math.min(bestCpu, cpu);
            out.printf("run %d: %d events in %.2f s = %.0f MiB/s (thread CPU %.2f s = %.0f MiB/s)%n", r + 1, store.size(), s, mib / s, cpu, mib / cpu);
        }
        out.printf("ingest best: %.0f MiB/s, %.0f ns/event (thread CPU: %.0f MiB/s); wc -l is %.1fx faster%n", mib / best,
                best * 1e9 / store.size(), mib / bestCpu, best / wc);

        long n = store.size();
        EventStore kept = store;
        store = null;
        gc();
        long withStore = used();
        long index = kept.retainedIndexBytes();
        long payload = kept.payloadBytes();
        out.printf("retained per event (computed): columns+indexes %.1f B, payload arena %.1f B%n", index / (double) n, payload / (double) n);
        long warnings = kept.warnings().count();
        kept = null;
        gc();
        long without = used();
        out.printf("retained per event (heap after GC, store dropped vs kept): %.1f B total%n", (withStore - without) / (double) n);
        out.printf("warnings: %d%n", warnings);
    }

    private static double wcSeconds(Path input) throws Exception {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 2; r++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("wc", "-l", input.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
