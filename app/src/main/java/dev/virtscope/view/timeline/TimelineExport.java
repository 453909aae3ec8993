package dev.virtscope.view.timeline;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;

import javax.imageio.ImageIO;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

import dev.virtscope.analysis.vcpu.VcpuStates;
import dev.virtscope.store.EventStore;
import dev.virtscope.view.AtomicFiles;
import dev.virtscope.view.paint.Graphics2DPainter;

/**
 * Writes the timeline as it is on screen (same rows, time window and selection) to PNG or SVG,
 * drawn by {@link TimelinePainter}. The picture is tall enough for every row. Files are replaced
 * only when complete ({@link AtomicFiles}).
 */
public final class TimelineExport {
    private TimelineExport() {
    }

    /** Height that shows every row, its group headings, the axis and the legend. */
    public static int heightFor(List<TimelineRow> rows) {
        long groups = rows.stream().map(TimelineRow::group).distinct().count();
        return (int) Math.ceil(TimelinePainter.AXIS_HEIGHT + groups * TimelinePainter.GROUP_HEIGHT
                + rows.size() * TimelinePainter.ROW_HEIGHT + TimelinePainter.LEGEND_HEIGHT + 4);
    }

    public static void png(Path file, EventStore s, List<TimelineRow> rows, TimelineViewport vp, TimelineMarks marks,
                           LongFunction<String> timeText) throws IOException {
        png(file, s, VcpuStates.of(s), rows, vp, marks, timeText);
    }

    /** @param states the vCPU states the window draws (computed once per trace) */
    public static void png(Path file, EventStore s, VcpuStates states, List<TimelineRow> rows, TimelineViewport vp,
                           TimelineMarks marks, LongFunction<String> timeText) throws IOException {
        BufferedImage img = image(s, states, rows, vp, marks, timeText);
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer available");
        });
    }

    /** The timeline as a picture, drawn by the window's painter. */
    public static BufferedImage image(EventStore s, VcpuStates states, List<TimelineRow> rows, TimelineViewport vp,
                                      TimelineMarks marks, LongFunction<String> timeText) {
        int w = width(vp), h = heightFor(rows);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            painter(states).draw(new Graphics2DPainter(g), s, rows, vp, w, h, 0, marks, timeText);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static TimelinePainter painter(VcpuStates states) {
        TimelinePainter p = new TimelinePainter();
        p.setStates(states);
        return p;
    }

    public static void svg(Path file, EventStore s, List<TimelineRow> rows, TimelineViewport vp, TimelineMarks marks,
                           LongFunction<String> timeText) throws IOException {
        svg(file, s, VcpuStates.of(s), rows, vp, marks, timeText);
    }

    public static void svg(Path file, EventStore s, VcpuStates states, List<TimelineRow> rows, TimelineViewport vp,
                           TimelineMarks marks, LongFunction<String> timeText) throws IOException {
        int w = width(vp), h = heightFor(rows);
        SVGGraphics2D g = new SVGGraphics2D(w, h);
        painter(states).draw(new Graphics2DPainter(g), s, rows, vp, w, h, 0, marks, timeText);
        String svg = g.getSVGElement();
        AtomicFiles.write(file, tmp -> SVGUtils.writeToSVG(tmp.toFile(), svg));
    }

    private static int width(TimelineViewport vp) {
        return (int) Math.ceil(TimelinePainter.LABEL_WIDTH) + vp.width();
    }
}
