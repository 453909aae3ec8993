package dev.virtscope.bench;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;
import dev.virtscope.view.paint.Graphics2DPainter;
import dev.virtscope.view.timeline.TimelineMarks;
import dev.virtscope.view.timeline.TimelinePainter;
import dev.virtscope.view.timeline.TimelineRow;
import dev.virtscope.view.timeline.TimelineRows;
import dev.virtscope.view.timeline.TimelineViewport;

/**
 * Open-to-first-frame: from the file name to the first timeline frame drawn — detection, parallel
 * parse, store and indexes, the timeline's rows, one fitted frame painted by the app's
 * {@link TimelinePainter} into a BufferedImage (headless, Java2D software pipeline) — on the ≥ 1 GB
 * time-shifted copy of a real trace. Baseline: {@code wc -l} on the same file.
 */
final class OpenFirstFrameBenchmark implements Benchmark {
    private static final int WIDTH = 1600, HEIGHT = 900;

    @Override
    public String id() {
        return "open";
    }

    @Override
    public String description() {
        return "open-to-first-frame (load + first timeline frame into a BufferedImage) of the >= 1 GB ftrace text, baseline wc -l";
    }

    @Override
    public void run(Path workDir, PrintStream out) throws Exception {
        Path input = LoadFigures.input(workDir, out);
        double mib = Files.size(input) / 1048576.0;
        double wc = LoadFigures.wcSeconds(input);
        out.printf("input %.0f MiB; wc -l: %.2f s (baseline), %s%n", mib, wc, LoadFigures.load());
        int runs = Integer.getInteger("virtscope.bench.runs", 3);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            LoadFigures.gc();
            long t0 = System.nanoTime();
            EventStore s = TraceLoader.standard().load(input).events();
            long t1 = System.nanoTime();
            List<TimelineRow> rows = TimelineRows.of(s);
            TimelineViewport vp = new TimelineViewport();
            vp.setWidth(WIDTH - (int) TimelinePainter.LABEL_WIDTH);
            vp.fit(s.firstNs(), s.lastNs());
            BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            new TimelinePainter().draw(new Graphics2DPainter(g), s, rows, vp, WIDTH, HEIGHT, 0, TimelineMarks.EMPTY, Long::toString);
            g.dispose();
            long t2 = System.nanoTime();
            double sec = (t2 - t0) / 1e9;
            best = Math.min(best, sec);
            out.printf("run %d: %,d events, %d rows: load %.2f s + first frame %.1f ms = %.2f s (goal <= 4 s: %s), %s%n", r + 1, s.size(),
                    rows.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e6, sec, sec <= 4 ? "met" : "NOT met", LoadFigures.load());
        }
        out.printf("open-to-first-frame best: %.2f s for %.0f MiB; wc -l is %.1fx faster%n", best, mib, best / wc);
    }
}
