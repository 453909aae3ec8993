package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.virtscope.Samples;
import picocli.CommandLine;

class KvmStatCommandTest {
    @TempDir
    Path dir;

    static String[] run(String... args) {
        CommandLine cl = VirtScopeCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[]{Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void jsonRowsAgreeWithPlainPairingOfTheLines() throws Exception {
        KvmTraceText t = KvmTraceText.make(3, 300);
        Path f = t.write(dir);
        String[] r = run("kvm-stat", f.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertEquals("vmexit", j.get("event").asText());
        assertEquals(t.total(), j.get("totalSamples").asLong());
        assertEquals(0, j.get("unpairedExits").asLong());
        long totalTime = t.byReason.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
        assertEquals(totalTime, j.get("totalTimeNs").asLong());
        assertEquals(t.byReason.size(), j.get("rows").size());
        for (JsonNode row : j.get("rows")) {
            List<Long> d = t.byReason.get(row.get("key").asText());
            assertEquals(d.size(), row.get("samples").asLong());
            assertEquals(100.0 * d.size() / t.total(), row.get("samplesPct").asDouble(), 1e-9);
            assertEquals(100.0 * d.stream().mapToLong(Long::longValue).sum() / totalTime, row.get("timePct").asDouble(), 1e-9);
            assertEquals(d.stream().mapToLong(Long::longValue).min().orElseThrow(), row.get("minNs").asLong());
            assertEquals(d.stream().mapToLong(Long::longValue).max().orElseThrow(), row.get("maxNs").asLong());
        }
    }

    @Test
    void aLostEventsLineOfTheImporterBreaksThePairItFallsIn() throws Exception {
        KvmTraceText t = KvmTraceText.make(5, 50);
        // insert a trace_pipe loss marker for CPU 0 just before the first kvm_entry on CPU 0
        int at = -1;
        for (int i = 0; i < t.lines.size(); i++) if (t.lines.get(i).contains("[000]") && t.lines.get(i).contains(": kvm_entry: ")) {
            at = i;
            break;
        }
        t.lines.add(at, "CPU:0 [LOST 12 EVENTS]");
        Path f = t.write(dir);
        JsonNode j = new ObjectMapper().readTree(run("kvm-stat", f.toString(), "--json")[1]);
        assertEquals(1, j.get("unpairedExits").asLong());
        assertEquals(t.total() - 1, j.get("totalSamples").asLong());
    }

    @Test
    void csvTextAndByVcpu() throws Exception {
        KvmTraceText t = KvmTraceText.make(4, 100);
        Path f = t.write(dir);
        String[] csv = run("kvm-stat", f.toString(), "--csv", "--by", "vcpu");
        assertEquals("0", csv[0], csv[2]);
        String[] rows = csv[1].trim().split("\n");
        assertEquals("key,samples,samplesPct,timePct,minNs,maxNs,avgNs,stddevPct", rows[0]);
        assertEquals(3, rows.length, "header + vCPU 0 + vCPU 1");
        String[] text = run("kvm-stat", f.toString(), "--vcpu", "1");
        assertEquals("0", text[0]);
        assertTrue(text[1].contains("VM-EXIT") && text[1].contains("Total Samples:" + t.total() / 2), text[1]);
    }

    @Test
    void outliersAndTimeSplit() throws Exception {
        KvmTraceText t = KvmTraceText.make(6, 300);
        Path f = t.write(dir);
        String[] o = run("kvm-stat", f.toString(), "--outliers", "--threshold", "30us");
        assertEquals("0", o[0], o[2]);
        long expected = t.byReason.entrySet().stream().filter(e -> !e.getKey().equals("HLT"))
                .flatMap(e -> e.getValue().stream()).filter(d -> d > 30_000).count();
        assertTrue(o[1].contains("(HLT excluded): " + expected + "\n") || o[1].contains("(HLT excluded): " + expected + System.lineSeparator()), o[1]);
        String[] s = run("kvm-stat", f.toString(), "--split");
        assertEquals("0", s[0], s[2]);
        assertTrue(s[1].contains("guest (ms)") && s[1].lines().count() == 3, s[1]);
    }

    @Test
    void errorsNameTheFileAndUseTheDocumentedCodes() {
        String[] missing = run("kvm-stat", dir.resolve("nope.txt").toString());
        assertEquals("3", missing[0]);
        assertTrue(missing[2].contains("nope.txt"));
        String[] badEvent = run("kvm-stat", "x", "--event", "foo");
        assertEquals("2", badEvent[0]);
        // a real ftrace capture with kvm_pio but without kvm_exit/kvm_entry
        String[] noExits = run("kvm-stat", Samples.path("generated/ftrace/trace-variant-tgid.txt").toString(), "--event", "ioport");
        assertEquals("0", noExits[0], noExits[2]);
        assertTrue(noExits[1].contains("Total Samples:0"), noExits[1]);
    }
}
