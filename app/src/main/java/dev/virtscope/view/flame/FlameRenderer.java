package dev.virtscope.view.flame;

import java.util.Locale;

import dev.virtscope.stack.flame.FlameLayout;
import dev.virtscope.stack.flame.FlameSearch;
import dev.virtscope.stack.flame.FlameTree;

/**
 * The one drawing routine of flame graphs, for every target (SVG, PNG, window): title, frames as
 * rectangles with truncated labels, the matched share of a search, and a details line. Flame
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

    public static void draw(FlameTree t, FlameStyle s, Painter p) {
        double w = s.width(), h = height(t, s);
        double inner = w - 2 * XPAD;
        FlameLayout layout = new FlameLayout(t, s.zoomNode(), s.minWidthPx() / Math.max(1, inner));
        FlameSearch search = s.search() == null ? null : new FlameSearch(t, s.search(), s.zoomNode());
        double maxDelta = 0;
        if (t.differential()) for (int n = 1; n < t.size(); n++) maxDelta = Math.max(maxDelta, Math.abs(t.total(n) - t.base(n)));
        double total = t.total(s.zoomNode());

        p.begin(w, h, clean(s.title()));
        p.rect(0, 0, w, h, FlameColors.BACKGROUND);
        p.text(w / 2, s.fontSize() * 2, clean(s.title()), s.fontSize() + 5, FlameColors.TEXT, Painter.Align.MIDDLE);
        if (search != null) {
            p.text(w - XPAD - 100, s.fontSize() * 2, String.format(Locale.ROOT, "Matched: %.1f%%", search.percent()),
                    s.fontSize(), FlameColors.TEXT, Painter.Align.LEFT);
        }
        for (int i = 0; i < layout.size(); i++) {
            int n = layout.node(i);
            int level = layout.level(i);
            double x = XPAD + layout.x(i) * inner, fw = layout.width(i) * inner;
            double y = s.icicle() ? top(s) + level * s.frameHeight() : h - bottom(s) - (level + 1) * s.frameHeight();
            String name = clean(t.name(n));
            boolean matched = search != null && search.matched(n);
            int fill = matched ? FlameColors.SEARCH
                    : t.differential() ? FlameColors.diff(t.total(n) - t.base(n), maxDelta)
                    : n == 0 ? 0xF0A050 : FlameColors.of(name);
            p.beginFrame(new Painter.FrameInfo(n, t.parent(n), name, tooltip(t, n, name, total, s), t.total(n),
                    layout.x(i), layout.width(i), level, matched));
            p.rect(x, y, fw, s.frameHeight() - 1, fill);
            String label = fit(p, name, fw - 6, s.fontSize());
            if (!label.isEmpty()) {
                p.clip(x, y, fw, s.frameHeight());
                p.text(x + 3, y + s.frameHeight() - 4.5, label, s.fontSize(), FlameColors.TEXT, Painter.Align.LEFT);
                p.unclip();
            }
            p.endFrame();
        }
        p.end();
    }

    static String tooltip(FlameTree t, int n, String name, double total, FlameStyle s) {
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
        if (p.textWidth(name, fontSize) <= room) return name;
        int lo = 0, hi = name.length();
        while (lo < hi) {
            int m = (lo + hi + 1) >>> 1;
            if (p.textWidth(name.substring(0, m) + "..", fontSize) <= room) lo = m;
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
