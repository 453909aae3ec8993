package dev.virtscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The jpackage app-image as installed by the .deb: its own launcher and trimmed runtime, no JDK
 * on the PATH needed. Runs only with {@code -Ppackage}, after packaging/build-packages.sh.
 */
class AppImageIT {
    private static final Path IMAGE = Path.of(System.getProperty("virtscope.appImage", "target/jpackage/virtscope"));
    private static final String POM_VERSION = System.getProperty("virtscope.version");

    @Test
    void launcherPrintsTheVersionWithoutADisplay() throws Exception {
        ChildRun.Result r = run("--version");
        assertEquals(0, r.exit(), r.err());
        assertEquals("virtscope " + POM_VERSION, r.out().strip());
    }

    @Test
    void launcherRunsTheHeadlessCommandLine() throws Exception {
        ChildRun.Result r = run("--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: virtscope"), r.out());
    }

    @Test
    void runtimeHoldsTheModulesJavaFxNeedsAndNotTheWholeJdk() throws IOException {
        String release = Files.readString(IMAGE.resolve("lib/runtime/release"), StandardCharsets.UTF_8);
        String modulesLine = release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        List<String> modules = Arrays.asList(modulesLine.substring("MODULES=".length()).replace("\"", "").split(" "));
        for (String needed : List.of("java.base", "java.desktop", "jdk.unsupported", "jdk.jfr")) {
            assertTrue(modules.contains(needed), needed + " in " + modules);
        }
        assertFalse(modules.contains("jdk.compiler"), "a trimmed runtime, not a JDK: " + modules);
    }

    @Test
    void launcherGivesTheJvmThreeQuartersOfMemory() throws IOException {
        String cfg = Files.readString(IMAGE.resolve("lib/app/virtscope.cfg"), StandardCharsets.UTF_8);
        assertTrue(cfg.contains("java-options=-XX:MaxRAMPercentage=75"), cfg);
        assertTrue(cfg.contains("app.mainclass=dev.virtscope.app.Launcher"), cfg);
    }

    @Test
    void launcherPassesTheWindowsJvmOptions() throws IOException {
        String cfg = Files.readString(IMAGE.resolve("lib/app/virtscope.cfg"), StandardCharsets.UTF_8);
        List<String> options = dev.virtscope.gui.BackgroundThreads.jvmOptions();
        assertTrue(options.contains("-XX:+UseZGC") && options.contains("-XX:ThreadPriorityPolicy=1"), options.toString());
        for (String o : options) assertTrue(cfg.contains("java-options=" + o), o + " in " + cfg);
    }

    private static ChildRun.Result run(String... args) throws IOException, InterruptedException {
        Path launcher = IMAGE.resolve("bin/virtscope");
        assertTrue(Files.isExecutable(launcher), launcher + " is built by packaging/build-packages.sh");
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        return ChildRun.run(cmd);
    }
}
