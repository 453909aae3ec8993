package dev.virtscope.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * {@code fold}: {@code virtscope fold} as a whole process (JVM start included) against FlameGraph's
 * {@code perl stackcollapse-perf.pl} on the same ≥200 MB perf script file. The input is real perf
 * samples from samples/ concatenated until it is large enough (not synthetic stacks). The Perl side
 * runs only when FLAMEGRAPH_DIR names a FlameGraph checkout; both outputs are compared byte for byte.
 */
public final class FoldBenchmark implements Benchmark {
    static final long TARGET = 200L << 20;
    static final String[] SOURCES = {
        "public/flamegraph/example-perf-stacks.txt.gz",
        "public/flamegraph/test/perf-vertx-stacks-01.txt",
        "public/flamegraph/test/perf-iperf-stacks-pidtid-01.txt",
        "public/flamegraph/test/perf-java-stacks-01.txt",
        "public/flamegraph/test/perf-numa-stacks-01.txt",
        "public/speedscope/linux-perf/system-wide.linux-perf.txt",
    };

    @Override
    public String id() {
        return "fold";
    }

    @Override
    public String description() {
        return "virtscope fold vs perl stackcollapse-perf.pl, whole processes, on >=200 MB of concatenated real perf script samples";
    }

    @Override
    public void run(Path workDir, PrintStream out) throws Exception {
        Path input = workDir.resolve("fold-input.perf.txt");
        if (!Files.exists(input) || Files.size(input) < TARGET) build(input);
        double mb = Files.size(input) / 1e6;
        out.printf("input: %s, %.1f MB (real perf script samples from samples/ concatenated, repeated)%n", input, mb);
        Path jar = Path.of("app/target/virtscope.jar");
        Path ours = workDir.resolve("fold-virtscope.txt");
        // warm the page cache so both tools read from memory
        try (InputStream in = Files.newInputStream(input)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "fold", input.toString());
        double tJava = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) tJava = Math.min(tJava, time(java, ours));
        out.printf("virtscope fold: %.2f s, %.0f MB/s (best of 3; %s)%n", tJava, mb / tJava, String.join(" ", java));
        String fg = System.getenv("FLAMEGRAPH_DIR");
        if (fg == null || !Files.exists(Path.of(fg, "stackcollapse-perf.pl"))) {
            out.println("perl stackcollapse-perf.pl: NOT MEASURED (set FLAMEGRAPH_DIR to a FlameGraph checkout to compare)");
            return;
        }
        Path theirs = workDir.resolve("fold-perl.txt");
        List<String> perl = List.of("perl", Path.of(fg, "stackcollapse-perf.pl").toString(), input.toString());
        double tPerl = time(perl, theirs);
        out.printf("perl stackcollapse-perf.pl: %.2f s, %.1f MB/s (%s)%n", tPerl, mb / tPerl, String.join(" ", perl));
        out.printf("ratio: virtscope fold is %.1fx faster; outputs %s%n", tPerl / tJava,
                Files.mismatch(ours, theirs) == -1 ? "byte-identical" : "DIFFER");
    }

    private static double time(List<String> cmd, Path stdout) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int rc = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) throw new IOException(String.join(" ", cmd) + " exited with " + rc);
        return s;
    }

    private static void build(Path input) throws IOException {
        Path samples = Path.of("samples");
        List<byte[]> parts = new ArrayList<>();
        for (String s : SOURCES) {
            Path f = samples.resolve(s);
            byte[] b;
            try (InputStream in = s.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                b = in.readAllBytes();
            }
            parts.add(b);
            // a blank line between files so a last sample never runs into the next file's first
            parts.add("\n\n".getBytes());
        }
        Files.createDirectories(input.toAbsolutePath().getParent());
        long written = 0;
        try (OutputStream o = Files.newOutputStream(input, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (written < TARGET) {
                for (byte[] b : parts) {
                    o.write(b);
                    written += b.length;
                }
            }
        }
    }
}
