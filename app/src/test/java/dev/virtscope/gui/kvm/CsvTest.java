package dev.virtscope.gui.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV cells: RFC 4180 quoting, and formula-looking cells made inert for spreadsheets. */
class CsvTest {
    @TempDir
    Path dir;

    @Test
    void plainCellsAreWrittenAsTheyAre() {
        assertEquals("npf", Csv.cell("npf"));
        assertEquals("0x70:POUT", Csv.cell("0x70:POUT"));
        assertEquals("12.5", Csv.cell("12.5"));
        assertEquals("", Csv.cell(""));
        assertEquals("", Csv.cell(null));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
        assertEquals("\"cr\rhere\"", Csv.cell("cr\rhere"));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasGetAnApostrophe() {
        assertEquals("'=1+1", Csv.cell("=1+1"));
        assertEquals("'+SUM(A1:A9)", Csv.cell("+SUM(A1:A9)"));
        assertEquals("'-2+3", Csv.cell("-2+3"));
        assertEquals("'@cmd", Csv.cell("@cmd"));
        assertEquals("'\tx", Csv.cell("\tx"));
        // neutralised first, then quoted: the apostrophe stays inside the quotes
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.cell("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("a=b", Csv.cell("a=b"), "only the first character matters");
    }

    @Test
    void aFileHasAHeaderLineAndCrlfLineEndsAndNoTemporaryFileIsLeft() throws Exception {
        Path f = dir.resolve("t.csv");
        Csv.write(f, List.of("key", "n"), List.of(List.of("=x", "1"), List.of("a,b", "2")));
        assertEquals("key,n\r\n'=x,1\r\n\"a,b\",2\r\n", Files.readString(f, StandardCharsets.UTF_8));
        try (var s = Files.list(dir)) {
            assertTrue(s.allMatch(p -> p.equals(f)), "only the target remains");
        }
    }
}
