package dev.virtscope.format.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Samples of an event other than the filtered one are dropped whole, but their lines are still
 * read as the script reads them: a line that is not a frame counts as unrecognised, and a frame
 * seen first in a dropped sample folds normally when a kept sample has it.
 */
class StackCollapserTest {

    private static final String TWO_EVENTS = String.join("\n",
            "app 1 10.000001: cycles:",
            "\tffff f1 (/x)",
            "",
            "app 2 10.000002: instructions:",
            "\tffff g1 (/y)",
            "\tnot a frame line",
            "\t  1234 f2 (/x)",
            "",
            "app 3 10.000003: cycles:",
            "\t1234 f2 (/x)",
            "\tffff f1 (/x)",
            "\tneither a frame",
            "",
            "");

    @Test
    void aDroppedSampleLeavesNoFramesButItsBadLinesCount() {
        StackCollapser c = collapse(TWO_EVENTS);
        // first event wins: two cycles samples, the instructions one dropped
        assertEquals("app;f1 1\napp;f1;f2 1\n", folded(c));
        assertEquals(2, c.unrecognised());
        assertEquals("instructions", c.firstFiltered());
    }

    @Test
    void fedInPiecesTheSameLinesFoldTheSame() {
        byte[] b = TWO_EVENTS.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < b.length; cut++) {
            StackCollapser c = new StackCollapser(CollapseOptions.DEFAULT, null, true);
            byte[] buf = new byte[b.length];
            System.arraycopy(b, 0, buf, 0, cut);
            int rest = c.feed(buf, 0, cut, false);
            int keep = cut - rest;
            System.arraycopy(buf, rest, buf, 0, keep);
            System.arraycopy(b, cut, buf, keep, b.length - cut);
            c.feed(buf, 0, keep + b.length - cut, true);
            assertEquals("app;f1 1\napp;f1;f2 1\n", folded(c), "cut at " + cut);
            assertEquals(2, c.unrecognised(), "cut at " + cut);
        }
    }

    /**
     * {@code ffff (/x/lib.so)}: Perl's backtracking makes the symbol the address's last digit
     * (stackcollapse-perf.pl prints {@code app;f}); such a line is parsed anew each time it comes.
     */
    @Test
    void aLineWhoseSymbolIsNotAfterItsAddressFoldsAsTheScriptDoesEachTime() {
        StackCollapser c = collapse(String.join("\n",
                "app 1 10.000001: cycles:", "\tffff (/x/lib.so)", "",
                "app 1 10.000002: cycles:", "\tffff (/x/lib.so)", "\tabcd g (/x/lib.so)", "", ""));
        assertEquals("app;f 1\napp;g;f 1\n", folded(c));
    }

    private static StackCollapser collapse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        StackCollapser c = new StackCollapser(CollapseOptions.DEFAULT, null, true);
        c.feed(b, 0, b.length, true);
        return c;
    }

    private static String folded(StackCollapser c) {
        FoldedCounts counts = new FoldedCounts();
        c.collect(counts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            counts.sorted().write(out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
