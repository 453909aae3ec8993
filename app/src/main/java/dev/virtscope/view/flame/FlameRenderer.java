package dev.virtscope.view.flame;

import java.util.Locale;

import dev.virtscope.stack.flame.FlameLayout;
import dev.virtscope.stack.flame.FlameSearch;
import dev.virtscope.stack.flame.FlameTree;
import dev.virtscope.view.paint.Painter;

/**
 * The one drawing routine of flame graphs, for every target (SVG, PNG, window) through
 * {@link Painter}: title, frames as rectangles with truncated labels, the matched share of a
 * search, and a details line. Flame
 * graphs grow upwards from the bottom; icicle graphs hang down from the top.
 */
public final class FlameRenderer {
    static final double XPAD = 10;

    private FlameRenderer() {
    }

    /** Height in pixels of the picture for a tree drawn with style. */
    public static double height(FlameTree t, FlameStyle s) {
        return (t.maxDepth() + 1) * s.frameHeight() + top(s) + bottom(s);
    }

    private static double top(FlameStyle s) {
        return s.fontSize() * 3;
    }

    private static double bottom(FlameStyle s) {
        return s.fontSize() * 2 + 10;
    }

    /** The frames a style shows: its zoom, frames narrower than its minimum width left out. */
    public static FlameLayout layout(FlameTree t, FlameStyle s) {
        return new FlameLayout(t, s.zoomNode(), s.minWidthPx() / Math.max(1, s.width() - 2 * XPAD));
    }

    public static void draw(FlameTree t, FlameStyle s, Painter p) {
        draw(t, s, layout(t, s), p);
    }

    /** Draws the frames of layout (made by {@link #layout} for the same tree and style) on the light page. */
    public static void draw(FlameTree t, FlameStyle s, FlameLayout layout, Painter p) {
        draw(t, s, layout, p, FlameColors.LIGHT_PAGE);
    }

    /** Draws the frames of layout on the given page (the window's theme). */
    public static void draw(FlameTree t, FlameStyle s, FlameLayout layout, Painter p, FlameColors.Page page) {
        double w = s.width(), h = height(t, s);
        double inner = w - 2 * XPAD;
        FlameSearch search = s.search() == null ? null : new FlameSearch(t, s.search(), s.zoomNode());
        double maxDelta = 0;
        if (t.differential()) for (int n = 1; n < t.size(); n++) maxDelta = Math.max(maxDelta, Math.abs(t.total(n) - t.base(n)));
        double total = t.total(s.zoomNode());
        boolean groups = p.interactive();

        p.begin(w, h, clean(s.title()));
        p.fillRect(0, 0, w, h, page.background());
        p.fontSize(s.fontSize() + 5);
        p.text(clean(s.title()), w / 2, s.fontSize() * 2, page.text(), Painter.Align.MIDDLE);
        p.fontSize(s.fontSize());
        if (search != null) {
            p.text(String.format(Locale.ROOT, "Matched: %.1f%%", search.percent()), w - XPAD - 100, s.fontSize() * 2, page.text());
        }
        for (int i = 0; i < layout.size(); i++) {
            int n = layout.node(i);
            int level = layout.level(i);
            double x = XPAD + layout.x(i) * inner, fw = layout.width(i) * inner;
            double y = frameY(level, s, h);
            String name = clean(t.name(n));
            boolean matched = search != null && search.matched(n);
            int fill = matched ? FlameColors.SEARCH
                    : t.differential() ? FlameColors.diff(t.total(n) - t.base(n), maxDelta)
                    : n == 0 ? 0xF0A050 : FlameColors.of(name);
            if (groups) {
                p.beginGroup(tooltip(t, n, name, total, s), "n", Integer.toString(n), "p", Integer.toString(t.parent(n)),
                        "x", Double.toString(layout.x(i)), "w", Double.toString(layout.width(i)), "l", Integer.toString(level),
                        "v", Double.toString(t.total(n)), "name", name);
            }
            p.fillRect(x, y, fw, s.frameHeight() - 1, fill);
            String label = fit(p, name, fw - 6, s.fontSize());
            if (!label.isEmpty()) {
                p.clip(x, y, fw, s.frameHeight());
                p.text(label, x + 3, y + s.frameHeight() - 4.5, FlameColors.TEXT);
                p.unclip();
            }
            if (groups) p.endGroup();
        }
        p.end();
    }

    /** Top of the frames of a level in a picture of height h. */
    static double frameY(int level, FlameStyle s, double h) {
        return s.icicle() ? top(s) + level * s.frameHeight() : h - bottom(s) - (level + 1) * s.frameHeight();
    }

    /** {x, y, width, height} in pixels of the i-th frame of layout (its rectangle is one pixel less high). */
    public static double[] bounds(FlameTree t, FlameStyle s, FlameLayout layout, int i) {
        double inner = s.width() - 2 * XPAD;
        return new double[] {XPAD + layout.x(i) * inner, frameY(layout.level(i), s, height(t, s)), layout.width(i) * inner, s.frameHeight()};
    }

    /** Index in layout of the frame drawn at pixel (x, y), or -1 (the same geometry as {@link #draw}). */
    public static int frameAt(FlameTree t, FlameStyle s, FlameLayout layout, double x, double y) {
        double h = height(t, s), inner = s.width() - 2 * XPAD;
        double rel = s.icicle() ? (y - top(s)) / s.frameHeight() : (h - bottom(s) - y) / s.frameHeight();
        if (rel < 0) return -1;
        int level = (int) Math.floor(rel);
        double fx = (x - XPAD) / inner;
        for (int i = 0; i < layout.size(); i++) {
            if (layout.level(i) == level && fx >= layout.x(i) && fx < layout.x(i) + layout.width(i)) return i;
        }
        return -1;
    }

    /** "name (N samples, P%)", P of the zoomed total; differential graphs add the baseline and the change. */
    public static String tooltip(FlameTree t, int n, String name, double total, FlameStyle s) {
        double v = t.total(n);
        String base = String.format(Locale.ROOT, "%s (%s %s, %.2f%%)", name, count(v), s.countName(), total == 0 ? 0 : 100 * v / total);
        if (!t.differential()) return base;
        double d = v - t.base(n);
        return base + String.format(Locale.ROOT, "; baseline %s, change %s%s", count(t.base(n)), d >= 0 ? "+" : "", count(d));
    }

    static String count(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** The label that fits in room pixels: the name, or its start followed by "..", or nothing. */
    static String fit(Painter p, String name, double room, double fontSize) {
        if (room < 3 * fontSize * 0.59) return "";
        if (p.textWidth(name) <= room) return name;
        int lo = 0, hi = name.length();
        while (lo < hi) {
            int m = (lo + hi + 1) >>> 1;
            if (p.textWidth(name.substring(0, m) + "..") <= room) lo = m;
            else hi = m - 1;
        }
        return lo < 2 ? "" : name.substring(0, lo) + "..";
    }

    /** Removes control characters (they are not allowed in XML and mean nothing in a frame name). */
    public static String clean(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF;
            if (bad && b == null) b = new StringBuilder(s.substring(0, i));
            if (!bad && b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }
}
