package dev.virtscope.view.flame;

import java.util.regex.Pattern;

/**
 * How a flame graph is drawn (flamegraph.pl's defaults: 1200 px wide, 16 px frames, 12 px font,
 * 0.1 px minimum width).
 *
 * @param zoomNode tree node shown across the full width (0 = everything)
 */
public record FlameStyle(String title, double width, double frameHeight, double fontSize, boolean icicle, double minWidthPx,
                         Pattern search, int zoomNode, String countName) {
    public static final FlameStyle DEFAULT = new FlameStyle("Flame Graph", 1200, 16, 12, false, 0.1, null, 0, "samples");

    public FlameStyle withTitle(String t) {
        return new FlameStyle(t, width, frameHeight, fontSize, icicle, minWidthPx, search, zoomNode, countName);
    }

    public FlameStyle withWidth(double w) {
        return new FlameStyle(title, w, frameHeight, fontSize, icicle, minWidthPx, search, zoomNode, countName);
    }

    public FlameStyle withIcicle(boolean on) {
        return new FlameStyle(title, width, frameHeight, fontSize, on, minWidthPx, search, zoomNode, countName);
    }

    public FlameStyle withMinWidth(double px) {
        return new FlameStyle(title, width, frameHeight, fontSize, icicle, px, search, zoomNode, countName);
    }

    public FlameStyle withSearch(Pattern p) {
        return new FlameStyle(title, width, frameHeight, fontSize, icicle, minWidthPx, p, zoomNode, countName);
    }

    /** What the weights count, shown in tooltips ("samples", or "period" for perf periods). */
    public FlameStyle withCountName(String name) {
        return new FlameStyle(title, width, frameHeight, fontSize, icicle, minWidthPx, search, zoomNode, name);
    }

    public FlameStyle withZoom(int node) {
        return new FlameStyle(title, width, frameHeight, fontSize, icicle, minWidthPx, search, node, countName);
    }
}
