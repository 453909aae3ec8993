package dev.virtscope.view.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import dev.virtscope.analysis.latency.LatencyHistogram;
import dev.virtscope.analysis.latency.LatencySummary;

/**
 * The latency histogram picture, one drawing for the screen and for files: a bar per non-empty bucket
 * spanning its [lo, hi) bounds on a time axis (base-2 logarithmic for log2 buckets, so every bucket has
 * the same width; linear otherwise), dashed p50/p90/p99 lines at their exact values, the summary in the
 * subtitle, and optionally a logarithmic count axis. The GUI embeds {@link #chart()} in JFreeChart's FX
 * viewer; the CLI and the window's export write {@link #writeSvg} / {@link #writePng}, each to a
 * temporary file renamed into place so a reader never sees half a picture.
 */
public final class LatencyHistogramChart {
    public static final int DEFAULT_WIDTH = 900, DEFAULT_HEIGHT = 500;
    private static final Color BAR = new Color(0x3b6ea8);
    /** A log axis cannot show 0: the [0, 1) ns bucket and a 0 ns percentile are drawn from here. */
    private static final double LOG_FLOOR_NS = 0.5;
    /** Bars on a log count axis start below 1 so that a bucket of one sample is still visible. */
    private static final double LOG_COUNT_FLOOR = 0.5;

    private final JFreeChart chart;
    private final LatencyHistogram histogram;

    public LatencyHistogramChart(String title, LatencyHistogram h, LatencySummary s) {
        this(title, h, s, false);
    }

    /** @param logCounts a logarithmic count axis, for tails many orders of magnitude below the mode */
    public LatencyHistogramChart(String title, LatencyHistogram h, LatencySummary s, boolean logCounts) {
        histogram = h;
        XYIntervalSeries series = new XYIntervalSeries("exits");
        double yLow = logCounts ? LOG_COUNT_FLOOR : 0;
        for (int k = 0; k < h.buckets(); k++) {
            long c = h.count(k);
            if (c == 0) continue; // nothing to draw, and a log count axis has no place for 0
            double lo = x(h, h.loNs(k)), hi = x(h, h.hiNs(k));
            series.add((lo + hi) / 2, lo, hi, c, yLow, c);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);

        XYBarRenderer r = new XYBarRenderer(0.04);
        r.setUseYInterval(true);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setSeriesPaint(0, BAR);
        r.setDefaultToolTipGenerator((d, ser, item) -> tooltip(data.getStartXValue(ser, item),
                data.getEndXValue(ser, item), (long) d.getYValue(ser, item)));
        XYPlot plot = new XYPlot(data, timeAxis(h), countAxis(logCounts), r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        if (s != null && s.count > 0) {
            marker(plot, "p50", s.p50, new Color(0x2e8b57), 2);
            marker(plot, "p90", s.p90, new Color(0xd98c00), 16);
            marker(plot, "p99", s.p99, new Color(0xc0392b), 30);
        }
        chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        if (s != null) {
            chart.addSubtitle(new TextTitle(String.format("n=%d  p50=%s  p90=%s  p99=%s  p99.9=%s  max=%s", s.count,
                    human(s.p50), human(s.p90), human(s.p99), human(s.p999), human(s.maxNs)),
                    new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        }
    }

    public JFreeChart chart() {
        return chart;
    }

    public LatencyHistogram histogram() {
        return histogram;
    }

    /** Where a time is drawn on the time axis: as is, except below the floor of a log axis. */
    private static double x(LatencyHistogram h, long ns) {
        return h.isLog2() ? Math.max(LOG_FLOOR_NS, ns) : ns;
    }

    private static ValueAxis timeAxis(LatencyHistogram h) {
        NumberFormat human = new HumanNs();
        if (h.isLog2()) {
            LogAxis a = new LogAxis("latency, log2 buckets [lo, hi)");
            a.setBase(2);
            a.setSmallestValue(LOG_FLOOR_NS);
            a.setNumberFormatOverride(human);
            a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            return a;
        }
        NumberAxis a = new NumberAxis("latency, linear buckets [lo, hi)");
        a.setAutoRangeIncludesZero(false);
        a.setNumberFormatOverride(human);
        a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        return a;
    }

    private static ValueAxis countAxis(boolean log) {
        if (log) {
            LogAxis a = new LogAxis("count (log scale)");
            a.setBase(10);
            a.setSmallestValue(LOG_COUNT_FLOOR);
            // ticks at whole powers of ten: the automatic choice lands on 10^0.2 steps (1, 1.58, 2.51…)
            a.setTickUnit(new NumberTickUnit(1), false, false);
            a.setAutoTickUnitSelection(false);
            a.setNumberFormatOverride(NumberFormat.getIntegerInstance(java.util.Locale.ROOT));
            return a;
        }
        NumberAxis a = new NumberAxis("count");
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return a;
    }

    private void marker(XYPlot plot, String name, long ns, Color c, double labelTop) {
        ValueMarker m = new ValueMarker(x(histogram, ns), c,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        m.setLabel(name + " " + human(ns));
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        m.setLabelPaint(c);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(labelTop, 4, 0, 0));
        plot.addDomainMarker(m);
    }

    private static String tooltip(double lo, double hi, long count) {
        return human(lo <= LOG_FLOOR_NS ? 0 : Math.round(lo)) + "–" + human(Math.round(hi)) + ": " + count;
    }

    /** ns → {@code 512ns}, {@code 1.5µs}, {@code 2ms}, {@code 1.2s}. */
    public static String human(long ns) {
        if (ns < 1_000) return ns + "ns";
        if (ns < 1_000_000) return trim(ns / 1e3) + "µs";
        if (ns < 1_000_000_000) return trim(ns / 1e6) + "ms";
        return trim(ns / 1e9) + "s";
    }

    private static String trim(double v) {
        String s = v >= 100 ? String.format("%.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    /** Axis tick labels in human time units; the floor of a log axis reads as 0. */
    private static final class HumanNs extends NumberFormat {
        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            return to.append(v <= LOG_FLOOR_NS ? "0" : human(Math.round(v)));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return to.append(human(v));
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }

    public String toSvg(int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    public void writeSvg(Path out, int width, int height) throws IOException {
        byte[] svg = toSvg(width, height).getBytes(StandardCharsets.UTF_8);
        writeAtomically(out, o -> o.write(svg));
    }

    public void writePng(Path out, int width, int height) throws IOException {
        writeAtomically(out, o -> ChartUtils.writeChartAsPNG(o, chart, width, height));
    }

    /** Writes through a temporary file in the target folder, then renames it over the target. */
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void writeAtomically(Path out, Writer w) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        // a sibling so the rename stays on one file system; created with the user's default permissions
        Path tmp = dir.resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                w.write(o);
            }
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
