package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import picocli.CommandLine;

/** {@code virtscope fold} prints what stackcollapse-perf.pl printed for the same file and options. */
class FoldCommandTest {
    private static String run(StringWriter err, String... args) {
        CommandLine cl = VirtScopeCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            int code = cl.execute(args);
            return code + "\n" + out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void tidOptionMatchesTheScriptsStoredOutput() throws Exception {
        String in = Samples.path("public/flamegraph/test/perf-iperf-stacks-pidtid-01.txt").toString();
        String want = Files.readString(Samples.path("public/flamegraph/test/results/perf-iperf-stacks-pidtid-01-collapsed-tid.txt"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("0\n" + want, run(new StringWriter(), "fold", "--tid", in));
    }

    @Test
    void twoEventsKeepTheFirstAndSaySoOnStderr() throws Exception {
        String in = Samples.path("public/flamegraph/test/perf-cycles-instructions-01.txt").toString();
        String want = Files.readString(Samples.path("public/flamegraph/test/results/perf-cycles-instructions-01-collapsed-kernel.txt"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        StringWriter err = new StringWriter();
        assertEquals("0\n" + want, run(err, "fold", "--kernel", in));
        assertTrue(err.toString().contains("Filtering for events of type: cycles"), err.toString());
    }

    @Test
    void theQuickStartPathPrintsTheSameAsPicocli() throws Exception {
        String in = Samples.path("public/flamegraph/test/perf-java-stacks-01.txt").toString();
        String want = Files.readString(Samples.path("public/flamegraph/test/results/perf-java-stacks-01-collapsed-pid.txt"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        int code;
        try {
            code = VirtScopeCommand.run(new String[] {"fold", "--pid", in});
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        assertEquals(want, out.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void missingFileIsBadInput() {
        StringWriter err = new StringWriter();
        String r = run(err, "fold", "no-such-file.txt");
        assertEquals("3\n", r);
        assertTrue(err.toString().contains("no-such-file.txt"), err.toString());
    }
}
