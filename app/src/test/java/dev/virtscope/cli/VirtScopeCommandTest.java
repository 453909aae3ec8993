package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class VirtScopeCommandTest {
    @Test
    void versionAndHelpExitZero() {
        CommandLine cl = VirtScopeCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(ExitCodes.OK, cl.execute("--version"));
        assertTrue(out.toString().startsWith("virtscope "), out.toString());
    }
}
