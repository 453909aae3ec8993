package dev.virtscope.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.FormatRegistry;
import dev.virtscope.format.Formats;
import dev.virtscope.format.InsufficientMemoryException;
import dev.virtscope.format.LoadLimits;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.MemoryEstimate;
import dev.virtscope.format.TraceFormat;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.DecompressionLimits;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.TraceBuilder;

/** The estimate made before loading, against real samples, and what happens when memory runs out anyway. */
class MemoryEstimateTest {
    /** Lines per sample counted with a plain count of '\n' in the decompressed file, so the estimate can be judged. */
    @Test
    void recordEstimatesAreWithinAFactorOfTwoOfTheLines() throws IOException {
        for (String sample : List.of("generated/ftrace/trace-kvm-sched-6.18.txt.xz", "generated/ftrace/trace-variant-tgid.txt",
                "generated/trace-cmd/report-3.1.6-default.txt.xz", "generated/perf/perf-script-kvm-tp-default.txt.xz",
                "captured/nested/nested-svm-inner-smp2-secs15.ftrace-first250000.txt.xz")) {
            TraceSource src = new TraceSource(Samples.path(sample));
            TraceFormat f = Formats.all().detect(src);
            long lines;
            try (var in = src.open()) {
                lines = 0;
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) for (int i = 0; i < n; i++) if (buf[i] == '\n') lines++;
            }
            MemoryEstimate m = MemoryEstimate.of(src, f);
            assertTrue(m.records() >= lines / 2 && m.records() <= lines * 2, sample + ": estimated " + m.records() + " for " + lines + " lines");
            assertTrue(m.heapBytes() >= m.records() * 32, sample + ": at least the store's 32 bytes per event");
        }
    }

    @Test
    void aTraceLargerThanTheHeapIsRefusedWithFigures() {
        Path f = Samples.path("captured/nested/nested-svm-inner-smp2-secs15.ftrace-first250000.txt.xz");
        TraceLoader small = new TraceLoader(Formats.all(), new LoadLimits(DecompressionLimits.DEFAULT, 8L << 20));
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class, () -> small.load(f));
        assertTrue(e.getMessage().matches("(?s).*needs about \\d+ MB \\(about \\d+ records in \\d+ MB of decompressed data\\), you have 8 MB free.*"),
                e.getMessage());
    }

    /** If the estimate was low and the JVM runs out, the load fails with a message and the heap is free again. */
    @Test
    void runningOutOfMemoryMidLoadIsAnErrorNotACrash() throws IOException {
        TraceFormat greedy = new TraceFormat() {
            @Override
            public String name() {
                return "greedy";
            }

            @Override
            public int probe(byte[] head) {
                return 100;
            }

            @Override
            public void load(TraceSource source, TraceBuilder out, LoadMonitor monitor) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        TraceLoader l = new TraceLoader(new FormatRegistry().register(greedy), LoadLimits.DEFAULT);
        Path f = Samples.path("generated/ftrace/trace-variant-tgid.txt");
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class, () -> l.load(f, LoadOptions.DEFAULT, LoadMonitor.NONE));
        assertTrue(e.getMessage().contains("ran out of memory while loading"), e.getMessage());
        // the loader stays usable
        assertEquals("ftrace", TraceLoader.standard().load(f).format());
    }
}
