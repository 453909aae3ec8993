package dev.virtscope.format.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.MemoryEstimate;

/**
 * The heap estimate made before loading, from the first MiBs of a file: close to the real event count
 * on a real trace larger than the sample (compressed, so its decompressed size is itself estimated),
 * exact on a trace that fits in the sample, and a load that cannot fit fails with a plain message.
 */
class MemoryEstimateTest {
    @Test
    void eventCountOfALargeCompressedTraceIsEstimatedFromItsStart() throws IOException {
        String sample = "captured/nested/nested-svm-inner-smp2-secs15.ftrace-first250000.txt.xz";
        long events = SampleTexts.eventLines(SampleTexts.lines(sample));
        MemoryEstimate e = FtraceIngest.estimate(new TraceSource(Samples.path(sample)), false);
        assertTrue(Math.abs(e.events - events) < events / 3, "estimated " + e.events + " events, file has " + events);
    }

    @Test
    void aTraceSmallerThanTheSampleIsCountedExactly() throws IOException {
        String sample = "generated/trace-cmd/report-3.1.6-ts-diff.txt.xz";
        List<String> lines = SampleTexts.lines(sample);
        MemoryEstimate e = FtraceIngest.estimate(new TraceSource(Samples.path(sample)), false);
        assertEquals(SampleTexts.eventLines(lines), e.events);
    }

    @Test
    void aLoadThatCannotFitFailsWithAPlainMessage() {
        long heap = Runtime.getRuntime().maxMemory();
        // a sample of 1 MiB with 10,000 events, scaled to a file 100 times the heap
        MemoryEstimate e = MemoryEstimate.of(100 * heap, 1 << 20, 10_000, 600_000);
        MemoryEstimate.TooLargeException x = assertThrows(MemoryEstimate.TooLargeException.class, () -> e.requireFits("big.txt"));
        assertTrue(x.getMessage().startsWith("big.txt: not enough memory to load it"), x.getMessage());
        assertTrue(x.getMessage().contains("VIRTSCOPE_XMX="), x.getMessage());
    }
}
