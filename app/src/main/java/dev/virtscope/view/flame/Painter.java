package dev.virtscope.view.flame;

/**
 * The few drawing operations a flame graph needs, so one routine ({@link FlameRenderer}) draws for
 * SVG, PNG (java.awt) and the window (a JavaFX Canvas painter maps each call onto GraphicsContext:
 * fillRect, fillText, save/clip/restore). Coordinates are pixels, y down; colours are 0xRRGGBB.
 * Frame groups carry metadata that interactive targets use (SVG tooltips and click-to-zoom); a
 * target without interaction may ignore them.
 */
public interface Painter {
    enum Align { LEFT, MIDDLE }

    /** Starts a picture of the given size in pixels. */
    void begin(double width, double height, String title);

    void rect(double x, double y, double w, double h, int rgb);

    /** Text with its baseline at y; s has no control characters. */
    void text(double x, double y, String s, double fontSize, int rgb, Align align);

    /** Width in pixels of s at fontSize, used to truncate frame labels. */
    double textWidth(String s, double fontSize);

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();

    /** Opens the group of one frame's rectangle and label. */
    void beginFrame(FrameInfo info);

    void endFrame();

    /** Finishes the picture. */
    void end();

    /**
     * What a frame is: its full name, tooltip text, weight, position as fractions of the graph
     * width (for zooming in the SVG), level, and whether a search matched it.
     */
    record FrameInfo(int node, int parent, String name, String tooltip, double weight, double xFraction,
                     double widthFraction, int level, boolean matched) {
    }
}
