package dev.virtscope.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        double tJava = Double.MAX_VALUE, cJava = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            double[] t = time(java, ours);
            tJava = Math.min(tJava, t[0]);
            cJava = Math.min(cJava, t[1]);
        }
        out.printf("virtscope fold: %.2f s wall, %.0f MB/s; %.2f s CPU user+sys (best of 3; %s)%n", tJava, mb / tJava, cJava, String.join(" ", java));
        // the ./virtscope launcher runs fold with the quick JIT only (see the script)
        List<String> launcher = List.of("./virtscope", "fold", input.toString());
        double tL = Double.MAX_VALUE, cL = Double.MAX_VALUE;
        if (Files.isExecutable(Path.of("virtscope"))) {
            for (int i = 0; i < 3; i++) {
                double[] t = time(launcher, workDir.resolve("fold-launcher.txt"));
                tL = Math.min(tL, t[0]);
                cL = Math.min(cL, t[1]);
            }
            out.printf("./virtscope fold: %.2f s wall, %.0f MB/s; %.2f s CPU user+sys (best of 3; %s)%n", tL, mb / tL, cL, String.join(" ", launcher));
        }
        String fg = System.getenv("FLAMEGRAPH_DIR");
        if (fg == null || !Files.exists(Path.of(fg, "stackcollapse-perf.pl"))) {
            out.println("perl stackcollapse-perf.pl: NOT MEASURED (set FLAMEGRAPH_DIR to a FlameGraph checkout to compare)");
            return;
        }
        Path theirs = workDir.resolve("fold-perl.txt");
        List<String> perl = List.of("perl", Path.of(fg, "stackcollapse-perf.pl").toString(), input.toString());
        double[] p = time(perl, theirs);
        double tPerl = p[0];
        out.printf("perl stackcollapse-perf.pl: %.2f s wall, %.1f MB/s; %.2f s CPU user+sys (%s)%n", tPerl, mb / tPerl, p[1], String.join(" ", perl));
        boolean same = Files.mismatch(ours, theirs) == -1;
        out.printf("ratio: virtscope fold is %.1fx faster in wall time, %.1fx in CPU time; outputs %s%n", tPerl / tJava, p[1] / cJava,
                same ? "byte-identical" : "DIFFER");
        if (tL < Double.MAX_VALUE) {
            out.printf("ratio with ./virtscope fold: %.1fx faster in wall time, %.1fx in CPU time; outputs %s%n", tPerl / tL, p[1] / cL,
                    Files.mismatch(workDir.resolve("fold-launcher.txt"), theirs) == -1 ? "byte-identical" : "DIFFER");
        }
        if (!same && !Files.readString(Path.of(fg, "stackcollapse-perf.pl"), StandardCharsets.ISO_8859_1).contains("event-filter")) {
            // the input mixes event types; newer scripts keep the first one only, as fold does
            out.println("outputs: this stackcollapse-perf.pl predates --event-filter and folds every event type together, so they differ on"
                    + " this mixed-event input; byte parity with the current script is PerfFoldParityTest's job");
        }
        out.printf("load average at the end: %s (other processes share the cores; wall times vary with it)%n",
                Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).trim() : "unknown");
    }

    /**
     * Runs cmd under bash's {@code time} keyword, which reports the child's user and system CPU
     * besides the wall clock. Returns {wall seconds, CPU seconds}.
     */
    private static double[] time(List<String> cmd, Path stdout) throws IOException, InterruptedException {
        StringBuilder quoted = new StringBuilder();
        for (String c : cmd) quoted.append(" '").append(c.replace("'", "'\\''")).append('\'');
        String script = "TIMEFORMAT='%R %U %S'; time (" + quoted + " > '" + stdout.toString().replace("'", "'\\''") + "' 2>/dev/null)";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes()).trim();
        int rc = p.waitFor();
        if (rc != 0) throw new IOException(String.join(" ", cmd) + " exited with " + rc);
        String[] f = err.substring(err.lastIndexOf('\n') + 1).trim().split("\\s+");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2])};
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
