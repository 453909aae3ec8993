package dev.virtscope.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.view.paint.Painter;
import dev.virtscope.view.timeline.TimelinePainter;
import dev.virtscope.view.timeline.TimelineMarks;
import dev.virtscope.view.timeline.TimelineRow;
import dev.virtscope.view.timeline.TimelineRows;
import dev.virtscope.view.timeline.TimelineViewport;

/**
 * Cost of one timeline frame (per-pixel aggregation by binary search) on a synthetic trace of
 * millions of events, fitted and zoomed, against the baseline of merely touching every event of
 * the drawn rows once, which is what a renderer walking all events per frame would at least pay.
 */
public final class TimelineRenderBench implements Benchmark {
    private static final int EVENTS = Integer.getInteger("virtscope.bench.renderEvents", 10_000_000), CPUS = 4, WIDTH = 1600, HEIGHT = 900;

    @Override
    public String id() {
        return "render";
    }

    @Override
    public String description() {
        return "timeline frame time on a synthetic " + EVENTS / 1_000_000 + "M-event trace (" + WIDTH + " px wide)";
    }

    @Override
    public void run(Path workDir, PrintStream out) {
        EventStore s = syntheticVmTrace(EVENTS);
        List<TimelineRow> rows = TimelineRows.of(s);
        TimelineViewport vp = new TimelineViewport();
        vp.setWidth(WIDTH - (int) TimelinePainter.LABEL_WIDTH);
        vp.fit(s.firstNs(), s.lastNs());
        TimelinePainter painter = new TimelinePainter();
        CountingPainter p = new CountingPainter();
        out.printf("rows: %d, events: %,d%n", rows.size(), s.size());
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(WIDTH, HEIGHT, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        Painter raster = new dev.virtscope.view.paint.Graphics2DPainter(g);
        String[] names = {"full zoom-out", "mid zoom", "max zoom"};
        double[] zooms = {1, 1.0 / 1000, 1.0 / 1_000_000};
        for (int z = 0; z < zooms.length; z++) {
            double zoom = zooms[z];
            vp.fit(s.firstNs(), s.lastNs());
            vp.zoom(zoom, vp.width() / 2.0);
            double ms = timeMs(() -> painter.draw(p, s, rows, vp, WIDTH, HEIGHT, 0, TimelineMarks.EMPTY, Long::toString));
            long rects = p.rects / (ROUNDS + WARMUP);
            p.rects = 0;
            double px = timeMs(() -> painter.draw(raster, s, rows, vp, WIDTH, HEIGHT, 0, TimelineMarks.EMPTY, Long::toString));
            out.printf("%s (window %.3g of the trace, %.3g ns/pixel): aggregation only %.2f ms (%d fillRect calls); "
                    + "frame drawn into a %dx%d BufferedImage (Java2D software) %.2f ms — goal <= 16 ms: %s%n",
                    names[z], zoom, vp.nsPerPixel(), ms, rects, WIDTH, HEIGHT, px, px <= 16 ? "met" : "NOT met");
        }
        long[] sink = new long[1];
        double walk = timeMs(() -> {
            long sum = 0;
            for (TimelineRow r : rows) for (int k = 0; k < r.events().size(); k++) sum += s.ts(r.events().get(k));
            sink[0] += sum;
        });
        out.printf("baseline: touching every event of the rows once: %.2f ms (checksum %d)%n", walk, sink[0] & 0xFF);
        vp.fit(s.firstNs(), s.lastNs());
        double full = timeMs(() -> painter.draw(raster, s, rows, vp, WIDTH, HEIGHT, 0, TimelineMarks.EMPTY, Long::toString));
        out.printf("ratio baseline / full zoom-out frame: %.1fx%n", walk / full);
        g.dispose();
    }

    private static final int ROUNDS = 20, WARMUP = 5;

    private static double timeMs(Runnable r) {
        for (int i = 0; i < WARMUP; i++) r.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) r.run();
        return (System.nanoTime() - t0) / 1e6 / ROUNDS;
    }

    /** Synthetic: CPUS host CPUs, two VMs of two vCPU threads each, events every ~0.6 µs, 3 event types. */
    static EventStore syntheticVmTrace(int n) {
        EventStoreBuilder b = new EventStoreBuilder();
        int[] types = {b.eventType("kvm_exit"), b.eventType("kvm_entry"), b.eventType("sched_switch")};
        int[] tids = {1001, 1002, 2001, 2002};
        for (int k = 0; k < tids.length; k++) {
            int vm = k < 2 ? 1000 : 2000;
            b.tasks.seen(vm, b.comms.intern("qemu-system-x86"), 0);
            b.tasks.seen(tids[k], b.comms.intern("CPU " + (k % 2) + "/KVM"), 0);
            b.tasks.tgid(tids[k], vm);
        }
        SplittableRandom rnd = new SplittableRandom(42);
        long t = 1_000_000_000L;
        for (int i = 0; i < n; i++) {
            t += 1 + rnd.nextInt(1200);
            int k = rnd.nextInt(tids.length);
            b.add(t, k % CPUS, tids[k], types[rnd.nextInt(types.length)], b.payload(new byte[0], 0, 0));
        }
        return b.build("synthetic");
    }

    /** Draws nothing; counts what would be drawn. */
    private static final class CountingPainter implements Painter {
        long rects;

        @Override
        public void fillRect(double x, double y, double w, double h, int rgb) {
            rects++;
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, int rgb) {
        }

        @Override
        public void text(String s, double x, double y, int rgb) {
        }

        @Override
        public double textWidth(String s) {
            return 7.0 * s.length();
        }

        @Override
        public void clip(double x, double y, double w, double h) {
        }

        @Override
        public void unclip() {
        }
    }
}
