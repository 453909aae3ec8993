package dev.virtscope.view.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.gui.SampleLine;

import dev.virtscope.store.EventStore;

class PixelBinsTest {
    private static final Path SAMPLE = Samples.path("generated/ftrace/trace-variant-tgid.txt");

    /** Expected bins straight from the file: pixel = floor((t - start) / nsPerPixel). */
    private static int[] expected(List<SampleLine> lines, int cpu, long start, double nsPerPixel, int width) {
        int[] bins = new int[width];
        for (SampleLine l : lines) {
            if (l.cpu() != cpu || l.ns() < start) continue;
            long px = (long) Math.floor((l.ns() - start) / nsPerPixel);
            if (px < width) bins[(int) px]++;
        }
        return bins;
    }

    @Test
    void everyEventOfACpuLandsInThePixelOfItsTime() throws Exception {
        List<SampleLine> lines = SampleLine.all(SAMPLE);
        EventStore s = dev.virtscope.format.TraceLoader.standard().load(SAMPLE).events();
        TimelineViewport vp = new TimelineViewport();
        vp.setWidth(700);
        vp.fit(s.firstNs(), s.lastNs());
        PixelBins bins = new PixelBins();
        for (int cpu = 0; cpu < 2; cpu++) {
            bins.fill(s, s.eventsOnCpu(cpu), vp.start(), vp.nsPerPixel(), vp.width());
            int[] got = new int[vp.width()];
            long total = 0;
            for (int px = 0; px < got.length; px++) {
                got[px] = bins.count(px);
                total += got[px];
            }
            assertArrayEquals(expected(lines, cpu, vp.start(), vp.nsPerPixel(), vp.width()), got, "CPU " + cpu);
            final int c = cpu;
            assertEquals(lines.stream().filter(l -> l.cpu() == c).count(), total, "fitted: every event drawn");
        }
    }

    @Test
    void zoomedWindowCountsOnlyEventsInsideIt() throws Exception {
        List<SampleLine> lines = SampleLine.all(SAMPLE);
        EventStore s = dev.virtscope.format.TraceLoader.standard().load(SAMPLE).events();
        TimelineViewport vp = new TimelineViewport();
        vp.setWidth(400);
        vp.fit(s.firstNs(), s.lastNs());
        vp.zoom(1 / 16.0, 200);
        PixelBins bins = new PixelBins();
        bins.fill(s, s.eventsOnCpu(0), vp.start(), vp.nsPerPixel(), vp.width());
        int[] got = new int[vp.width()];
        for (int px = 0; px < got.length; px++) got[px] = bins.count(px);
        assertArrayEquals(expected(lines, 0, vp.start(), vp.nsPerPixel(), vp.width()), got);
    }
}
