package dev.virtscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;

/**
 * {@code ./virtscope} as scripts run it, without a display: the launcher picks JVM options per
 * command (huge pages where the kernel offers them; for fold the quick compiler, the serial
 * collector and start-up flags). Whatever they are, the output must be what the command prints
 * and stderr must carry no word from the JVM about them.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "virtscope").toAbsolutePath().normalize();

    @Test
    void foldThroughTheLauncherPrintsTheScriptsOutputAndNothingFromTheJvm() throws Exception {
        Path in = Samples.path("public/flamegraph/test/perf-iperf-stacks-pidtid-01.txt");
        Path expected = Samples.path("public/flamegraph/test/results/perf-iperf-stacks-pidtid-01-collapsed-pid.txt");
        ChildRun.Result r = launch("fold", "--pid", in.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(expected, StandardCharsets.ISO_8859_1), r.out());
        // the only line allowed is the notice the script prints itself when the input mixes event types
        for (String line : r.err().split("\n")) {
            assertTrue(line.isEmpty() || line.startsWith("Filtering for events of type: "), "stderr: " + r.err());
        }
    }

    @Test
    void aHeadlessSummaryThroughTheLauncherHasNothingFromTheJvmOnStderr() throws Exception {
        Path in = Samples.path("generated/ftrace/trace-kvm-sched-6.18.txt.xz");
        ChildRun.Result r = launch("info", in.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("file:"), r.out());
        assertEquals("", r.err());
    }

    private static ChildRun.Result launch(String... args) throws Exception {
        assertTrue(Files.isRegularFile(LAUNCHER), LAUNCHER.toString());
        List<String> cmd = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        // the launcher runs the `java` on PATH: make it the JDK this build runs on
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        return ChildRun.run(cmd, env -> {
            env.put("PATH", javaBin + File.pathSeparator + env.getOrDefault("PATH", ""));
            env.remove("JAVA_OPTS");
            env.remove("JAVA_TOOL_OPTIONS");
        });
    }
}
