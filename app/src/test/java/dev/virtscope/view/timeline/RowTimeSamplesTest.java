package dev.virtscope.view.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.gui.SampleLine;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;

/**
 * Long rows are searched through their per-row time samples: the pixel counts stay exactly those
 * computed from the file's lines, fitted and zoomed, on the CPU rows of a real 18,308-event trace.
 */
class RowTimeSamplesTest {
    private static final Path SAMPLE = Samples.path("generated/ftrace/trace-kvm-sched-6.18.txt.xz");

    @Test
    void longRowsGiveTheSameBinsAsTheFileLines() throws Exception {
        List<SampleLine> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new TraceSource(SAMPLE).open(), StandardCharsets.UTF_8))) {
            lines = r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(SampleLine::parse).filter(Objects::nonNull).toList();
        }
        EventStore s = TraceLoader.standard().load(SAMPLE).events();
        PixelBins bins = new PixelBins();
        int longRows = 0;
        for (int cpu = 0; cpu < s.cpuCount(); cpu++) {
            if (s.eventsOnCpu(cpu).size() < RowTimeSamples.MIN_EVENTS) continue;
            longRows++;
            for (double zoom : new double[] {1, 1 / 16.0, 1 / 3000.0}) {
                TimelineViewport vp = new TimelineViewport();
                vp.setWidth(997);
                vp.fit(s.firstNs(), s.lastNs());
                vp.zoom(zoom, 331);
                bins.fill(s, s.eventsOnCpu(cpu), vp.start(), vp.nsPerPixel(), vp.width());
                int[] got = new int[vp.width()];
                for (int px = 0; px < got.length; px++) got[px] = bins.count(px);
                assertArrayEquals(expected(lines, cpu, vp.start(), vp.nsPerPixel(), vp.width()), got, "CPU " + cpu + " zoom " + zoom);
            }
        }
        assertTrue(longRows > 0, "the sample has a CPU row long enough to be summarised");
    }

    /** pixel = floor((t - start) / nsPerPixel), straight from the lines. */
    private static int[] expected(List<SampleLine> lines, int cpu, long start, double nsPerPixel, int width) {
        int[] bins = new int[width];
        for (SampleLine l : lines) {
            if (l.cpu() != cpu || l.ns() < start) continue;
            long px = (long) Math.floor((l.ns() - start) / nsPerPixel);
            if (px < width) bins[(int) px]++;
        }
        return bins;
    }
}
