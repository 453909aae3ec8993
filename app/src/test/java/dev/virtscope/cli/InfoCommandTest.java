package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.virtscope.Samples;
import dev.virtscope.io.TraceSource;
import picocli.CommandLine;

/** {@code virtscope info}: JSON read back with Jackson and compared with an independent scan of the file; exit codes. */
class InfoCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter(), err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = VirtScopeCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void jsonDescribesTheKvmSchedSample() throws IOException {
        Path f = Samples.path("generated/ftrace/trace-kvm-sched-6.18.txt.xz");
        assertEquals(ExitCodes.OK, run("info", f.toString(), "--json"), err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());

        // independent reading of the text: event lines, event names, tids
        Pattern line = Pattern.compile("^\\s*(.+)-(\\d+)\\s+\\[(\\d+)\\]\\s+\\S+\\s+(\\d+)\\.(\\d{6}): (\\w+):");
        Map<String, Long> byType = new HashMap<>();
        Set<Integer> cpus = new HashSet<>();
        long events = 0, first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new TraceSource(f).open(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                Matcher m = line.matcher(l);
                if (!m.find()) continue;
                events++;
                byType.merge(m.group(6), 1L, Long::sum);
                cpus.add(Integer.parseInt(m.group(3)));
                long ts = Long.parseLong(m.group(4)) * 1_000_000_000L + Long.parseLong(m.group(5)) * 1000;
                first = Math.min(first, ts);
                last = Math.max(last, ts);
            }
        }
        assertEquals("ftrace", j.get("format").asText());
        assertEquals(events, j.get("events").asLong());
        assertEquals(byType.size(), j.get("eventsByType").size());
        byType.forEach((k, v) -> assertEquals(v, j.get("eventsByType").get(k).asLong(), k));
        assertEquals(cpus.size(), j.get("cpus").asInt());
        assertEquals(first, j.get("firstNs").asLong());
        assertEquals(last, j.get("lastNs").asLong());
        assertEquals(0, j.get("lostEvents").asLong());
        assertEquals(0, j.get("warnings").asLong());
        assertTrue(j.get("firstWarnings").isArray());
        // "       CPU 0/KVM-627     [000] d..2. …": a vCPU thread, index 0
        JsonNode vcpu = null;
        for (JsonNode t : j.get("tasks")) if (t.get("tid").asInt() == 627) vcpu = t;
        assertEquals("CPU 0/KVM", vcpu.get("comm").asText());
        assertEquals(0, vcpu.get("vcpu").asInt());
        assertTrue(vcpu.get("vm").isInt());
        for (String field : new String[] {"tid", "comm", "tgid", "vm", "vcpu"}) assertTrue(vcpu.has(field), field);
    }

    @Test
    void humanSummaryAndOverwrittenMarker() {
        Path f = Samples.path("generated/ftrace/trace-variant-smallbuf.txt");
        assertEquals(ExitCodes.OK, run("info", f.toString()));
        String s = out.toString();
        assertTrue(s.contains("format:    ftrace"), s);
        // "# entries-in-buffer/entries-written: 136/2248   #P:2"
        assertTrue(s.contains("1 markers, 2112 events known lost"), s);
        assertTrue(s.contains("OVERWRITTEN"), s);
    }

    @Test
    void warningsAreListedWithLineNumbers() throws IOException {
        Path f = tmp.resolve("trace.txt");
        Files.write(f, java.util.List.of(
                "# tracer: nop",
                "       CPU 0/KVM-627     [000] d..2.  1023.033650: sched_waking: comm=qemu-system-x86 pid=625 prio=120 target_cpu=000",
                "garbage here"));
        assertEquals(ExitCodes.OK, run("info", "--json", f.toString()));
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(1, j.get("warnings").asLong());
        assertEquals(3, j.get("firstWarnings").get(0).get("line").asLong());
        assertTrue(j.get("firstWarnings").get(0).get("reason").asText().contains("garbage here"));
    }

    @Test
    void exitCodes() throws IOException {
        assertEquals(ExitCodes.USAGE, run("info"));
        Path missing = tmp.resolve("missing.txt");
        assertEquals(ExitCodes.BAD_INPUT, run("info", missing.toString()));
        assertTrue(err.toString().contains(missing.toString()), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("info", tmp.toString()));
        assertTrue(err.toString().contains("directory"), err.toString());
        Path odd = tmp.resolve("notes.txt");
        Files.writeString(odd, "shopping list\neggs\nmilk\n");
        assertEquals(ExitCodes.BAD_INPUT, run("info", odd.toString()));
        assertTrue(err.toString().contains(odd + ": not a recognised trace"), err.toString());
    }

    @Test
    void bareFilePrintsTheSameSummaryWithoutADisplay() {
        Path f = Samples.path("public/trappy/trace_sched.txt");
        assertEquals(ExitCodes.OK, run("info", f.toString()));
        StringWriter bareOut = new StringWriter(), bareErr = new StringWriter();
        int code = OpenFiles.run(new String[] {f.toString()}, new PrintWriter(bareOut), new PrintWriter(bareErr), Map.of());
        assertEquals(ExitCodes.OK, code);
        assertEquals(out.toString(), bareOut.toString());
        assertTrue(bareErr.toString().contains("needs a display"));
    }
}
