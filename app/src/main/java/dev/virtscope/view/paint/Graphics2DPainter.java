package dev.virtscope.view.paint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * {@link Painter} onto a java.awt Graphics2D: a BufferedImage for PNG, or JFreeSVG's SVGGraphics2D
 * for SVG, so file exports draw with exactly the routine the window uses.
 */
public final class Graphics2DPainter implements Painter {
    private final Graphics2D g;
    private final Rectangle2D.Double rect = new Rectangle2D.Double();
    private final Line2D.Double line = new Line2D.Double();
    private Shape savedClip;

    public Graphics2DPainter(Graphics2D g) {
        this.g = g;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) DEFAULT_FONT_SIZE));
        g.setStroke(new BasicStroke(1f));
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int rgb) {
        g.setColor(new Color(rgb));
        rect.setRect(x, y, w, h);
        g.fill(rect);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb) {
        g.setColor(new Color(rgb));
        line.setLine(x1, y1, x2, y2);
        g.draw(line);
    }

    @Override
    public void text(String s, double x, double y, int rgb) {
        g.setColor(new Color(rgb));
        g.drawString(SafeText.clean(s), (float) x, (float) y);
    }

    @Override
    public double textWidth(String s) {
        return g.getFontMetrics().getStringBounds(SafeText.clean(s), g).getWidth();
    }

    @Override
    public void fontSize(double px) {
        if (g.getFont().getSize2D() != (float) px) g.setFont(g.getFont().deriveFont((float) px));
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        savedClip = g.getClip();
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(savedClip);
        savedClip = null;
    }
}
