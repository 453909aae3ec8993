package dev.virtscope.view.timeline;

/**
 * The visible time window of a timeline: its start (ns, trace time) and scale (ns per pixel) over
 * a plot of a given width. Zooming keeps the time under the anchor pixel where it was.
 */
public final class TimelineViewport {
    /** Finer than this shows nothing new: timestamps are whole ns. */
    public static final double MIN_NS_PER_PIXEL = 0.01;

    private long start;
    private double nsPerPixel = 1;
    private int width = 1;
    private long traceFirst, traceLast;

    public long start() {
        return start;
    }

    public double nsPerPixel() {
        return nsPerPixel;
    }

    public int width() {
        return width;
    }

    /** End of the visible window (exclusive). */
    public long end() {
        return start + (long) Math.ceil(width * nsPerPixel);
    }

    public void setWidth(int w) {
        width = Math.max(1, w);
    }

    /** Shows the whole trace [first, last]; also sets the bounds zooming out stops at. */
    public void fit(long first, long last) {
        traceFirst = first;
        traceLast = last;
        start = first;
        nsPerPixel = Math.max(MIN_NS_PER_PIXEL, (last - first + 1) / (double) width);
    }

    /** Shows [from, to) over the plot's width (a restored session, a range to zoom into); the zoom-out bounds stay. */
    public void show(long from, long to) {
        start = from;
        nsPerPixel = Math.max(MIN_NS_PER_PIXEL, Math.max(1, to - from) / (double) width);
    }

    /** Multiplies the scale by factor (&lt; 1 zooms in) keeping the time at pixel anchorX in place. */
    public void zoom(double factor, double anchorX) {
        double t = start + anchorX * nsPerPixel;
        double maxScale = Math.max(MIN_NS_PER_PIXEL, 4.0 * (traceLast - traceFirst + 1) / width);
        nsPerPixel = Math.min(maxScale, Math.max(MIN_NS_PER_PIXEL, nsPerPixel * factor));
        start = Math.round(t - anchorX * nsPerPixel);
    }

    /** Moves the window by dx pixels (positive: later times). */
    public void pan(double dx) {
        start += Math.round(dx * nsPerPixel);
    }

    public double xOf(long t) {
        return (t - start) / nsPerPixel;
    }

    public long timeAt(double x) {
        return start + Math.round(x * nsPerPixel);
    }
}
