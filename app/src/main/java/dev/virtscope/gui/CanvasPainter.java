package dev.virtscope.gui;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import dev.virtscope.view.paint.Painter;

/** {@link Painter} onto a JavaFX canvas: the screen backend of the timeline and the flame graph. */
public final class CanvasPainter implements Painter {
    private final GraphicsContext gc;
    private final Text measure = new Text();
    private Font font;
    private int lastRgb = -1;
    /** advance of each ASCII character per font, measured on first use (NaN: not yet); FX thread only */
    private static final java.util.Map<Font, double[]> ADVANCES = new java.util.HashMap<>();
    private double[] ascii;

    /** Draws with font; {@link #fontSize} changes its size, keeping the family. */
    public CanvasPainter(GraphicsContext gc, Font font) {
        this.gc = gc;
        this.font = font;
        gc.setFont(font);
        gc.setLineWidth(1);
        measure.setFont(font);
        ascii = advances(font);
    }

    private Color color(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    private void fill(int rgb) {
        if (rgb != lastRgb) {
            gc.setFill(color(rgb));
            lastRgb = rgb;
        }
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int rgb) {
        fill(rgb);
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb) {
        gc.setStroke(color(rgb));
        gc.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void text(String s, double x, double y, int rgb) {
        fill(rgb);
        gc.fillText(s, x, y);
    }

    /**
     * Sums cached per-character advances for ASCII text: laying out a Text node per call made
     * eliding thousands of flame graph labels take seconds per frame.
     */
    @Override
    public double textWidth(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128) return measured(s);
            double a = ascii[c];
            // measured between two bars so that a space has its advance, not an empty box
            if (Double.isNaN(a)) a = ascii[c] = measured("|" + c + "|") - measured("||");
            w += a;
        }
        return w;
    }

    private static double[] advances(Font f) {
        return ADVANCES.computeIfAbsent(f, k -> {
            double[] a = new double[128];
            java.util.Arrays.fill(a, Double.NaN);
            return a;
        });
    }

    private double measured(String s) {
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    @Override
    public void fontSize(double px) {
        if (font.getSize() == px) return;
        font = Font.font(font.getFamily(), px);
        gc.setFont(font);
        measure.setFont(font);
        ascii = advances(font);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        gc.save();
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.clip();
        lastRgb = -1;
    }

    @Override
    public void unclip() {
        gc.restore();
        lastRgb = -1;
    }
}
