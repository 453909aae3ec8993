package dev.virtscope.view.paint;

/**
 * The drawing operations views need, so one routine per view (timeline, flame graph) serves the
 * screen and file exports. Backends: {@code gui.CanvasPainter} (JavaFX canvas),
 * {@link Graphics2DPainter} (a BufferedImage for PNG, JFreeSVG for SVG) and the flame graph's
 * interactive SVG ({@code view.flame.SvgPainter}). Coordinates are pixels from the top left, y down;
 * colours are 0xRRGGBB.
 *
 * <p>The default methods are optional: targets that size their own picture use {@link #begin} and
 * {@link #end}; interactive targets attach data to {@linkplain #beginGroup groups}; everything else
 * ignores them.
 */
public interface Painter {
    /** Horizontal placement of text relative to its x. */
    enum Align { LEFT, MIDDLE }

    /** Font size of text until {@link #fontSize} is called. */
    double DEFAULT_FONT_SIZE = 12;

    /** Starts a picture of the given size in pixels. */
    default void begin(double width, double height, String title) {
    }

    void fillRect(double x, double y, double w, double h, int rgb);

    void line(double x1, double y1, double x2, double y2, int rgb);

    /** Text with its baseline at y, starting at x; s has no control characters. */
    void text(String s, double x, double y, int rgb);

    /** Text with its baseline at y, starting at x (LEFT) or centred on x (MIDDLE). */
    default void text(String s, double x, double y, int rgb, Align align) {
        text(s, align == Align.MIDDLE ? x - textWidth(s) / 2 : x, y, rgb);
    }

    /** Width of s in the painter's current font, to place and elide labels. */
    double textWidth(String s);

    /** Font size in pixels of the following {@link #text} and {@link #textWidth} calls. */
    default void fontSize(double px) {
    }

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();

    /**
     * True when the target keeps per-item data ({@link #beginGroup}); views skip formatting it
     * for the others.
     */
    default boolean interactive() {
        return false;
    }

    /**
     * Opens the group of drawing calls that make one item (a flame frame), with its tooltip and
     * named values ({@code name, value, name, value, …}) for interactive targets.
     */
    default void beginGroup(String tooltip, String... data) {
    }

    default void endGroup() {
    }

    /** Finishes the picture. */
    default void end() {
    }
}
