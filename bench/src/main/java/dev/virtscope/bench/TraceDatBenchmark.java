package dev.virtscope.bench;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/**
 * Opening a large trace.dat: VirtScope's open-to-store time against {@code trace-cmd report > /dev/null}
 * on the same file in the same run, both as whole processes (VirtScope's JVM start included), plus
 * VirtScope's warm in-process load. Inputs are real recordings that only trace-cmd can make, so they
 * are not generated here: put them in bench-data/ (see docs/formats.md, "trace.dat (binary)").
 */
public final class TraceDatBenchmark implements Benchmark {
    static final String[] INPUTS = {"tracedat-large-v7.dat", "tracedat-large-v6.dat"};

    @Override
    public String id() {
        return "tracedat";
    }

    @Override
    public String description() {
        return "trace.dat open-to-store vs trace-cmd report > /dev/null (whole process)";
    }

    @Override
    public void run(Path workDir, PrintStream out) throws Exception {
        boolean any = false;
        boolean tool = onPath("trace-cmd");
        if (!tool) out.println("trace-cmd: not installed here, so there is no peer figure (apt-get install trace-cmd)");
        for (String name : INPUTS) {
            Path f = workDir.resolve(name);
            if (!Files.isRegularFile(f)) {
                out.println(name + ": absent from " + workDir + " (record one with trace-cmd extract, then trace-cmd convert --file-version 6 --compression none for the v6 copy)");
                continue;
            }
            any = true;
            out.printf("%s: %.1f MiB on disk%n", name, Files.size(f) / 1048576.0);
            long best = Long.MAX_VALUE;
            int events = 0;
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                EventStore s = TraceLoader.standard().load(f).events();
                best = Math.min(best, System.nanoTime() - t0);
                events = s.size();
            }
            out.printf("  virtscope in-process (warm, best of 3): %,d events in %.2f s (%.1f M events/s)%n",
                    events, best / 1e9, events / (best / 1e9) / 1e6);
            // report formats every event's text; VirtScope does so lazily, so show that cost too
            EventStore s = TraceLoader.standard().load(f).events();
            long t0 = System.nanoTime();
            long chars = 0;
            for (int i = 0; i < s.size(); i++) chars += s.payloadString(i).length();
            double render = (System.nanoTime() - t0) / 1e9;
            out.printf("  virtscope payload text of every event (kernel print fmt, in-process): %.2f s (%,d chars)%n", render, chars);
            double ours = bestOf(3, List.of(javaExe(), "-cp", System.getProperty("java.class.path"),
                    LoadOnce.class.getName(), f.toString()));
            out.printf("  virtscope whole process (JVM start + load, best of 3): %.2f s%n", ours);
            if (tool) {
                double peer = bestOf(3, List.of("sh", "-c", "trace-cmd report \"$0\" > /dev/null 2>&1", f.toString()));
                out.printf("  trace-cmd report > /dev/null (best of 3): %.2f s  -> virtscope is %.1fx %s%n", peer,
                        ours < peer ? peer / ours : ours / peer, ours < peer ? "faster" : "slower");
            }
        }
        if (!any) out.println("no trace.dat input: nothing measured");
    }

    private static double bestOf(int n, List<String> cmd) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(new ArrayList<>(cmd)).inheritIO().redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int rc = p.waitFor();
            if (rc != 0) throw new IllegalStateException(String.join(" ", cmd) + " exited with " + rc);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static String javaExe() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, exe))) return true;
        return false;
    }

    /** The whole-process measurement: load one file into a store and exit. */
    public static final class LoadOnce {
        private LoadOnce() {
        }

        public static void main(String[] args) throws Exception {
            EventStore s = TraceLoader.standard().load(Path.of(args[0])).events();
            if (s.size() < 0) System.out.println(s.size());
        }
    }
}
