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

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import dev.virtscope.analysis.latency.LatencyHistogram;
import dev.virtscope.analysis.latency.LatencySummary;

/**
 * The latency histogram picture, one drawing for the screen and for files: a bar per bucket, bucket
 * bounds in human units, percentiles in the subtitle. The GUI embeds {@link #chart()}; the CLI writes
 * {@link #writeSvg} / {@link #writePng}, each to a temporary file renamed into place so a reader never
 * sees half a picture.
 */
public final class LatencyHistogramChart {
    public static final int DEFAULT_WIDTH = 900, DEFAULT_HEIGHT = 500;
    private static final Color BAR = new Color(0x3b6ea8);

    private final JFreeChart chart;

    public LatencyHistogramChart(String title, LatencyHistogram h, LatencySummary s) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int k = 0; k < h.buckets(); k++) data.addValue(h.count(k), "exits", bucketLabel(h, k));
        CategoryAxis x = new CategoryAxis(h.isLog2() ? "latency, log2 buckets [lo, hi)" : "latency, linear buckets [lo, hi)");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        x.setCategoryMargin(0.05);
        NumberAxis y = new NumberAxis("count");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, BAR);
        r.setDrawBarOutline(false);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
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

    static String bucketLabel(LatencyHistogram h, int k) {
        return human(h.loNs(k)) + "–" + human(h.hiNs(k));
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
