package dev.virtscope.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared by the ingest-sized benchmarks: the ≥ 1 GB input, the wc -l baseline, GC and heap readings, load average. */
final class LoadFigures {
    static final String SAMPLE = "samples/generated/ftrace/trace-kvm-sched-6.18.txt.xz";

    private LoadFigures() {
    }

    /** The time-shifted concatenation of the real sample, -Dvirtscope.bench.ingestMB=N MiB (default 1024), made once. */
    static Path input(Path workDir, PrintStream out) throws Exception {
        long mb = Long.getLong("virtscope.bench.ingestMB", 1024);
        Path input = workDir.resolve("ftrace-kvm-sched-concat-" + mb + "MB.txt");
        if (!Files.exists(input)) {
            int copies = FtraceConcat.write(Path.of(System.getProperty("virtscope.samples", SAMPLE)), input, mb << 20);
            out.printf("input: %s, %d time-shifted copies of %s%n", input, copies, SAMPLE);
        }
        return input;
    }

    /** Best of two wall times of {@code wc -l FILE}, in seconds. */
    static double wcSeconds(Path input) throws Exception {
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

    static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The 1-minute load average, printed with every figure: the machine is shared. */
    static String load() {
        return String.format("load average %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
