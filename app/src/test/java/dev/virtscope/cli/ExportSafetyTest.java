package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.virtscope.Samples;
import dev.virtscope.view.AtomicFiles;
import picocli.CommandLine;

/**
 * What VirtScope writes is safe to open: CSV cells from trace text cannot run as spreadsheet
 * formulas, and every export replaces its file only when complete.
 */
class ExportSafetyTest {
    @TempDir
    Path tmp;

    private int run(StringWriter out, String... args) {
        CommandLine cl = VirtScopeCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    /** Exit reasons come from the traced kernel's text: one crafted as a formula stays text in the CSV. */
    @Test
    void kvmStatCsvNeutralisesFormulaLookingKeys() throws IOException {
        StringBuilder t = new StringBuilder("# tracer: nop\n#\n");
        String[] reasons = {"=1+2", "@SUM(A1)", "-cmd", "+x", "hlt"};
        long us = 100;
        for (String r : reasons) {
            t.append(String.format("       CPU 0/KVM-119     [000] .....    20.%06d: kvm_exit: vcpu 0 reason %s rip 0xfff0 info1 0x0 info2 0x0 intr_info 0x00000000 error_code 0x00000000%n", us, r));
            t.append(String.format("       CPU 0/KVM-119     [000] d..1.    20.%06d: kvm_entry: vcpu 0, rip 0xfff0%n", us + 5));
            us += 10;
        }
        Path f = Files.writeString(tmp.resolve("trace.txt"), t.toString(), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, "kvm-stat", f.toString(), "--csv"));
        List<String> keys = out.toString().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).sorted().toList();
        assertEquals(List.of("'+x", "'-cmd", "'=1+2", "'@SUM(A1)", "hlt"), keys, out.toString());
        for (String line : out.toString().lines().skip(1).toList()) {
            String[] cells = line.split(",");
            for (int i = 1; i < cells.length; i++) assertTrue(cells[i].matches("-?[0-9.]+"), "numeric cell " + cells[i]);
        }
    }

    @Test
    void histogramCsvHoldsOnlyNumbers() throws IOException {
        Path csv = tmp.resolve("h.csv");
        String in = Samples.path("captured/nested/nested-svm-inner-smp2-secs5.ftrace.txt.xz").toString();
        assertEquals(0, run(new StringWriter(), "histogram", in, "--out", csv.toString()));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("loNs,hiNs,count", lines.get(0));
        assertTrue(lines.size() > 2);
        for (String l : lines.subList(1, lines.size())) assertTrue(l.matches("\\d+,\\d+,\\d+"), l);
    }

    @Test
    void cellsStartingWithFormulaCharactersGetAnApostropheNumbersDoNot() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvCells.cell("=HYPERLINK(\"x\")"));
        assertEquals("'@A1", CsvCells.cell("@A1"));
        assertEquals("'\tx", CsvCells.cell("\tx"));
        assertEquals("-5", CsvCells.cell("-5"));
        assertEquals("+1.5e3", CsvCells.cell("+1.5e3"));
        assertEquals("\"a,b\"", CsvCells.cell("a,b"));
        assertEquals("plain", CsvCells.cell("plain"));
    }

    /** A failure while writing leaves the earlier file untouched and no temporary file behind. */
    @Test
    void aFailedExportLeavesThePreviousFileAlone() throws IOException {
        Path target = Files.writeString(tmp.resolve("flame.svg"), "<svg>previous</svg>");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, t -> {
            Files.writeString(t, "<svg>half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("<svg>previous</svg>", Files.readString(target));
        assertEquals(List.of(target), list());
    }

    /** Each export command leaves exactly its output file in the folder (the temporary file was renamed). */
    @Test
    void exportsLeaveOnlyTheirFile() throws IOException {
        String folded = Samples.path("public/flamegraph/test/results/perf-java-stacks-01-collapsed-all.txt").toString();
        String kvm = Samples.path("captured/nested/nested-svm-inner-smp2-secs5.ftrace.txt.xz").toString();
        for (String name : List.of("f.svg", "f.png")) assertEquals(0, run(new StringWriter(), "flamegraph", folded, "--out", tmp.resolve(name).toString()));
        for (String name : List.of("h.svg", "h.png", "h.csv", "h.json")) assertEquals(0, run(new StringWriter(), "histogram", kvm, "--out", tmp.resolve(name).toString()));
        assertEquals(List.of("f.png", "f.svg", "h.csv", "h.json", "h.png", "h.svg"), list().stream().map(p -> p.getFileName().toString()).toList());
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.sorted().toList();
        }
    }
}
