package dev.virtscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;

/**
 * {@code ./virtscope fold} as it sits in a shell pipeline: the launcher gives fold its own JVM
 * options (quick compiler, serial collector, start-up flags). Whatever they are, the folded
 * stacks must be the script's and stderr must carry no word from the JVM about them.
 */
class LauncherFoldIT {
    private static final Path LAUNCHER = Path.of("..", "virtscope").toAbsolutePath().normalize();

    @Test
    void foldThroughTheLauncherPrintsTheScriptsOutputAndNothingFromTheJvm() throws Exception {
        Path in = Samples.path("public/flamegraph/test/perf-iperf-stacks-pidtid-01.txt");
        Path expected = Samples.path("public/flamegraph/test/results/perf-iperf-stacks-pidtid-01-collapsed-pid.txt");
        assertTrue(Files.isRegularFile(LAUNCHER), LAUNCHER.toString());

        ProcessBuilder pb = new ProcessBuilder(List.of("bash", LAUNCHER.toString(), "fold", "--pid", in.toString()));
        // the launcher runs the `java` on PATH: make it the JDK this build runs on
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        pb.environment().put("PATH", javaBin + java.io.File.pathSeparator + pb.environment().getOrDefault("PATH", ""));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Path out = Files.createTempFile("virtscope-fold", ".out");
        Path err = Files.createTempFile("virtscope-fold", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            // a bound so a hung child cannot hang the build, not a performance expectation
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("./virtscope fold did not finish");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), stderr);
            assertEquals(Files.readString(expected, StandardCharsets.ISO_8859_1), Files.readString(out, StandardCharsets.ISO_8859_1));
            // the script's own notice is the only line allowed (this input has one event type: none)
            for (String line : stderr.split("\n")) {
                assertTrue(line.isEmpty() || line.startsWith("Filtering for events of type: "), "stderr: " + stderr);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
