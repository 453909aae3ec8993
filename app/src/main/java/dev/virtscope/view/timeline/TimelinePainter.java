package dev.virtscope.view.timeline;

import java.util.List;
import java.util.function.LongFunction;

import dev.virtscope.analysis.vcpu.VcpuStates;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.LostEvents;
import dev.virtscope.view.paint.Painter;

/**
 * Draws the timeline (time axis, row labels, one lane of event ticks per row, lost-event markers,
 * the selected event) to a {@link Painter}: the same routine for the window and for exports.
 * Each lane is drawn from {@link PixelBins}, so a frame costs O(rows · width · log n); vCPU rows are
 * drawn by {@link VcpuStateLane} (state bar over the ticks) once the states are set.
 */
public final class TimelinePainter {
    public static final double LABEL_WIDTH = 210;
    public static final double AXIS_HEIGHT = 26;
    public static final double ROW_HEIGHT = 20;
    public static final double GROUP_HEIGHT = 18;
    /** Two legend lines: lost marks, vCPU states and exit reasons; then event types. */
    public static final double LEGEND_HEIGHT = 44;

    private static final int LOST = 0xD0021B, CURSOR = 0x1E63D6, RANGE = 0x8A2BE2, MARKER_A = 0xE67E00,
            MARKER_B = 0x0A8F3C, MARKER_LETTER = 0xFFFFFF;
    /** Event-type colours: distinct saturated hues, readable on white and never mistaken for the grey background. */
    private static final int[] PALETTE = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2,
        0x00A087, 0xBCBD22, 0x17BECF, 0x393B79, 0x637939, 0x8C6D31, 0x843C39, 0x7B4173};

    private final PixelBins bins = new PixelBins();
    private VcpuStateLane lane;
    private TimelineColours colours = TimelineColours.LIGHT;

    /** The page, lane, label and text colours (the window's theme); {@link TimelineColours#LIGHT} until set. */
    public void setColours(TimelineColours c) {
        colours = c;
    }

    public TimelineColours colours() {
        return colours;
    }

    /** vCPU thread states to draw on the vCPU rows (null: ticks only). */
    public void setStates(VcpuStates states) {
        lane = states == null ? null : new VcpuStateLane(states);
    }

    public VcpuStateLane lane() {
        return lane;
    }

    /** Colour of an event type in every view. */
    public static int colorOfType(int typeId) {
        return PALETTE[Math.floorMod(typeId, PALETTE.length)];
    }

    /**
     * @param firstRow index of the top visible row (vertical scrolling)
     * @param marks    selected event time and selected range
     * @param timeText axis label of a time
     */
    public void draw(Painter p, EventStore s, List<TimelineRow> rows, TimelineViewport vp, double width,
                     double height, int firstRow, TimelineMarks marks, LongFunction<String> timeText) {
        p.fillRect(0, 0, width, height, colours.background());
        double plotX = LABEL_WIDTH;
        int plotW = vp.width();
        drawAxis(p, vp, plotX, width, height, marks, timeText);
        double lanesBottom = height - LEGEND_HEIGHT;
        p.clip(0, AXIS_HEIGHT, width, lanesBottom - AXIS_HEIGHT);

        double y = AXIS_HEIGHT;
        String group = null;
        for (int r = Math.max(0, firstRow); r < rows.size() && y < lanesBottom; r++) {
            TimelineRow row = rows.get(r);
            if (!row.group().equals(group)) {
                group = row.group();
                p.fillRect(0, y, width, GROUP_HEIGHT, colours.groupBackground());
                p.text(group, 6, y + GROUP_HEIGHT - 5, colours.text());
                y += GROUP_HEIGHT;
            }
            if (r % 2 == 1) p.fillRect(plotX, y, plotW, ROW_HEIGHT, colours.laneAlt());
            p.fillRect(0, y, LABEL_WIDTH - 1, ROW_HEIGHT, colours.labelBackground());
            p.clip(0, y, LABEL_WIDTH - 4, ROW_HEIGHT);
            p.text(row.label(), 14, y + ROW_HEIGHT - 6, colours.text());
            p.unclip();
            drawLane(p, s, row, vp, plotX, y);
            y += ROW_HEIGHT;
        }
        p.line(LABEL_WIDTH - 0.5, AXIS_HEIGHT, LABEL_WIDTH - 0.5, height, colours.grid());
        drawLost(p, s, rows, vp, plotX, firstRow, height);
        if (marks.hasRange()) {
            double x1 = Math.max(plotX, plotX + vp.xOf(marks.rangeStart()));
            double x2 = Math.min(plotX + plotW, plotX + vp.xOf(marks.rangeEnd()));
            if (x2 >= plotX && x1 <= plotX + plotW) {
                p.line(Math.floor(x1) + 0.5, AXIS_HEIGHT, Math.floor(x1) + 0.5, height, RANGE);
                p.line(Math.floor(x2) + 0.5, AXIS_HEIGHT, Math.floor(x2) + 0.5, height, RANGE);
            }
        }
        if (marks.cursor() != TimelineMarks.NONE) {
            double x = plotX + vp.xOf(marks.cursor());
            if (x >= plotX && x < plotX + plotW) p.line(Math.floor(x) + 0.5, AXIS_HEIGHT, Math.floor(x) + 0.5, height, CURSOR);
        }
        p.unclip();
        drawMarker(p, vp, marks.markerA(), "A", MARKER_A, lanesBottom);
        drawMarker(p, vp, marks.markerB(), "B", MARKER_B, lanesBottom);
        p.fillRect(0, lanesBottom, width, LEGEND_HEIGHT, colours.labelBackground());
        p.line(0, lanesBottom + 0.5, width, lanesBottom + 0.5, colours.grid());
        VcpuStateLane.drawLegend(p, lane, width, lanesBottom, colours.text());
        drawLegend(p, s, width, lanesBottom + LEGEND_HEIGHT / 2);
    }

    /** A user's marker: a line over the lanes and its letter in the axis. */
    private static void drawMarker(Painter p, TimelineViewport vp, long t, String letter, int color, double bottom) {
        if (t == TimelineMarks.NONE || t < vp.start() || t >= vp.end()) return;
        double x = LABEL_WIDTH + Math.floor(vp.xOf(t)) + 0.5;
        p.line(x, AXIS_HEIGHT - 10, x, bottom, color);
        p.fillRect(x + 1, AXIS_HEIGHT - 12, 11, 12, color);
        p.text(letter, x + 3, AXIS_HEIGHT - 2, MARKER_LETTER);
    }

    /** Event types by frequency with their colours, as many as fit on one line. */
    private void drawLegend(Painter p, EventStore s, double width, double top) {
        int n = s.eventNames().size();
        Integer[] types = new Integer[n];
        for (int t = 0; t < n; t++) types[t] = t;
        java.util.Arrays.sort(types, (a, b) -> Long.compare(s.countOfType(b), s.countOfType(a)));
        double x = 8;
        for (int t : types) {
            long count = s.countOfType(t);
            if (count == 0) break;
            String label = s.eventNames().get(t) + " (" + count + ")";
            double w = 14 + p.textWidth(label) + 16;
            if (x + w > width) break;
            p.fillRect(x, top + 7, 9, 9, colorOfType(t));
            p.text(label, x + 14, top + 15, colours.text());
            x += w;
        }
    }

    private void drawLane(Painter p, EventStore s, TimelineRow row, TimelineViewport vp, double plotX, double y) {
        if (lane != null && lane.draws(row)) {
            lane.draw(p, s, row, vp, plotX, y);
            return;
        }
        bins.fill(s, row.events(), vp.start(), vp.nsPerPixel(), vp.width());
        double maxH = ROW_HEIGHT - 4;
        for (int px = 0; px < bins.width(); px++) {
            int n = bins.count(px);
            if (n == 0) continue;
            // taller ticks where events are denser: 1 event ≈ 40 %, 1000+ events full height
            double h = maxH * Math.min(1.0, 0.4 + 0.2 * Math.log10(n));
            p.fillRect(plotX + px, y + ROW_HEIGHT - 2 - h, 1, h, colorOfType(s.type(bins.firstEvent(px))));
        }
    }

    /** Red lines where the tracer lost events, on the lanes of the CPU concerned (all CPUs when unknown). */
    private void drawLost(Painter p, EventStore s, List<TimelineRow> rows, TimelineViewport vp, double plotX,
                                 int firstRow, double height) {
        LostEvents lost = s.lost();
        for (int i = 0; i < lost.size(); i++) {
            long t = lost.ts(i);
            if (t == Long.MIN_VALUE || t < vp.start() || t >= vp.end()) continue;
            double x = plotX + Math.floor(vp.xOf(t)) + 0.5;
            p.unclip();
            p.fillRect(x - 2.5, AXIS_HEIGHT - 6, 5, 6, LOST); // on the axis: seen whatever rows are shown
            p.clip(0, AXIS_HEIGHT, plotX + vp.width(), height - LEGEND_HEIGHT - AXIS_HEIGHT);
            double y = AXIS_HEIGHT;
            String group = null;
            for (int r = Math.max(0, firstRow); r < rows.size() && y < height; r++) {
                TimelineRow row = rows.get(r);
                if (!row.group().equals(group)) {
                    group = row.group();
                    y += GROUP_HEIGHT;
                }
                boolean cpuRow = row.label().equals("CPU " + lost.cpu(i)) || (lost.cpu(i) < 0 && row.group().equals("CPUs"));
                // vCPU rows too: their states stop at the marker (any CPU's loss may hide their events)
                if (cpuRow || (row.task() >= 0 && lane != null && lane.draws(row))) p.line(x, y, x, y + ROW_HEIGHT, LOST);
                y += ROW_HEIGHT;
            }
        }
    }

    private void drawAxis(Painter p, TimelineViewport vp, double plotX, double width, double height,
                                 TimelineMarks marks, LongFunction<String> timeText) {
        p.fillRect(0, 0, width, AXIS_HEIGHT, colours.labelBackground());
        if (marks.hasRange()) {
            double x1 = Math.max(plotX, plotX + vp.xOf(marks.rangeStart()));
            double x2 = Math.min(width, plotX + vp.xOf(marks.rangeEnd()));
            if (x2 > x1) p.fillRect(x1, 0, Math.max(1, x2 - x1), AXIS_HEIGHT - 1, colours.rangeBackground());
        }
        p.line(0, AXIS_HEIGHT - 0.5, width, AXIS_HEIGHT - 0.5, colours.grid());
        double step = niceStep(vp.nsPerPixel() * 140);
        long first = (long) (Math.ceil(vp.start() / step) * step);
        for (double t = first; t < vp.end(); t += step) {
            double x = plotX + Math.floor(vp.xOf((long) t)) + 0.5;
            p.line(x, AXIS_HEIGHT - 6, x, height, colours.grid());
            String label = timeText.apply((long) t);
            if (x + 3 + p.textWidth(label) <= width) p.text(label, x + 3, AXIS_HEIGHT - 9, colours.text());
        }
    }

    /** The smallest 1, 2 or 5 × 10^k that is at least min. */
    static double niceStep(double min) {
        double pow = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-3))));
        for (int m : new int[] {1, 2, 5, 10}) if (m * pow >= min) return m * pow;
        return 10 * pow;
    }

    /** Index of the row at y given the top visible row, or -1 (axis, group heading, below the last row). */
    public static int rowAt(List<TimelineRow> rows, int firstRow, double y) {
        double top = AXIS_HEIGHT;
        String group = null;
        for (int r = Math.max(0, firstRow); r < rows.size(); r++) {
            if (!rows.get(r).group().equals(group)) {
                group = rows.get(r).group();
                top += GROUP_HEIGHT;
            }
            if (y >= top && y < top + ROW_HEIGHT) return r;
            top += ROW_HEIGHT;
            if (top > y) return -1;
        }
        return -1;
    }
}
