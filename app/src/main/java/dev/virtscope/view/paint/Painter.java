package dev.virtscope.view.paint;

/**
 * The few drawing operations views need, so one drawing routine serves the screen (a JavaFX
 * canvas) and file exports (PNG, SVG). Coordinates are pixels from the top left; colours are
 * 0xRRGGBB.
 */
public interface Painter {
    void fillRect(double x, double y, double w, double h, int rgb);

    void line(double x1, double y1, double x2, double y2, int rgb);

    /** Text with its baseline at y, starting at x. */
    void text(String s, double x, double y, int rgb);

    /** Width of s in the painter's font, to place and elide labels. */
    double textWidth(String s);

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();
}
