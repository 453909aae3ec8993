package dev.virtscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

        // the launcher runs the `java` on PATH: make it the JDK this build runs on
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        ChildRun.Result r = ChildRun.run(List.of("bash", LAUNCHER.toString(), "fold", "--pid", in.toString()), env -> {
            env.put("PATH", javaBin + File.pathSeparator + env.getOrDefault("PATH", ""));
            env.remove("JAVA_OPTS");
            env.remove("JAVA_TOOL_OPTIONS");
        });
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(expected, StandardCharsets.ISO_8859_1), r.out());
        // the only line allowed is the notice the script prints itself when the input mixes event types
        for (String line : r.err().split("\n")) {
            assertTrue(line.isEmpty() || line.startsWith("Filtering for events of type: "), "stderr: " + r.err());
        }
    }
}
