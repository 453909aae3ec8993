package dev.virtscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The shipped artifact as a user runs it: {@code java -jar virtscope.jar ...} in a fresh JVM,
 * without a display. Runs in the integration-test phase, after the shade plugin built the jar.
 */
class ShadedJarIT {
    /** Set by the failsafe configuration in app/pom.xml. */
    private static final Path JAR = Path.of(System.getProperty("virtscope.jar", "target/virtscope.jar"));
    private static final String POM_VERSION = System.getProperty("virtscope.version");

    @Test
    void versionComesFromTheJarManifest() throws Exception {
        ChildRun.Result r = run("--version");
        assertEquals(0, r.exit(), r.err());
        assertEquals("virtscope " + POM_VERSION, r.out().strip());
    }

    @Test
    void helpNamesTheCommandAndExitsZero() throws Exception {
        ChildRun.Result r = run("--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: virtscope"), r.out());
    }

    private static ChildRun.Result run(String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by the package phase");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return ChildRun.run(cmd);
    }
}
