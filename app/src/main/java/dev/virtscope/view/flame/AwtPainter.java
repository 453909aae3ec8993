package dev.virtscope.view.flame;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Draws onto java.awt Graphics2D (headless works): the PNG export of flame graphs. */
public final class AwtPainter implements Painter {
    private BufferedImage image;
    private Graphics2D g;
    private Shape savedClip;

    @Override
    public void begin(double width, double height, String title) {
        image = new BufferedImage((int) Math.ceil(width), (int) Math.ceil(height), BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    @Override
    public void rect(double x, double y, double w, double h, int rgb) {
        g.setColor(new Color(rgb));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void text(double x, double y, String s, double fontSize, int rgb, Align align) {
        g.setFont(font(fontSize));
        g.setColor(new Color(rgb));
        float tx = (float) (align == Align.MIDDLE ? x - g.getFontMetrics().stringWidth(s) / 2.0 : x);
        g.drawString(s, tx, (float) y);
    }

    @Override
    public double textWidth(String s, double fontSize) {
        FontMetrics m = g.getFontMetrics(font(fontSize));
        return m.stringWidth(s);
    }

    private Font cached;

    private Font font(double size) {
        if (cached == null || cached.getSize2D() != (float) size) cached = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) size);
        return cached;
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        savedClip = g.getClip();
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(savedClip);
    }

    @Override
    public void beginFrame(FrameInfo info) {
    }

    @Override
    public void endFrame() {
    }

    @Override
    public void end() {
        g.dispose();
    }

    public BufferedImage image() {
        return image;
    }
}
