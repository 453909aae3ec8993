package dev.virtscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmarks: {@code bench/run [ID...]} (all when none is named). Inputs are made under
 * bench-data/ (git-ignored) from the real samples and the synthetic generators.
 */
public final class BenchMain {
    private BenchMain() {
    }

    static List<Benchmark> all() {
        return List.of(new IngestBenchmark(), new TimelineRenderBench(), new FoldBenchmark(),
                new dev.virtscope.bench.kvm.KvmAnalysisBenchmark(), new QemuImportBench(), new TraceDatBenchmark(),
                new OpenFirstFrameBenchmark(), new RetainedHeapBenchmark(), new FilterBenchmark(), new VcpuLaneBench(),
                new UiBlockBenchmark());
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--list")) {
            for (Benchmark b : all()) System.out.println(b.id());
            return;
        }
        Path work = Path.of(System.getProperty("virtscope.bench.dir", "bench-data"));
        Files.createDirectories(work);
        List<Benchmark> chosen = new ArrayList<>();
        for (Benchmark b : all()) if (args.length == 0 || List.of(args).contains(b.id())) chosen.add(b);
        if (chosen.isEmpty()) {
            System.err.println("no benchmark matches; known: " + all().stream().map(Benchmark::id).toList());
            System.exit(2);
        }
        System.out.printf("machine: %d cores, max heap %d MiB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (Benchmark b : chosen) {
            System.out.println("== " + b.id() + ": " + b.description() + " [" + java.time.LocalDateTime.now().withNano(0) + ", " + LoadFigures.load() + "]");
            b.run(work, System.out);
        }
    }
}
