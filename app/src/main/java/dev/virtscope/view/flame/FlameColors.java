package dev.virtscope.view.flame;

/**
 * Frame colours: warm hues picked from a hash of the name (stable across runs and files), with the
 * annotation suffixes of the stackcollapse tools getting their own families (kernel {@code _[k]}
 * orange, JIT {@code _[j]} green, inlined {@code _[i]} aqua). Differential graphs go from white
 * to red where a frame grew and to blue where it shrank, by the size of the change.
 */
public final class FlameColors {
    public static final int BACKGROUND = 0xF8F8E8;
    public static final int SEARCH = 0xE600E6;
    public static final int TEXT = 0x000000;

    /**
     * What is drawn around the frames: the background and the title and "Matched" text on it. Frame
     * labels stay black, on the warm frame colours, in both.
     *
     * @param hint the grey line of an empty view ("open a perf script file…")
     */
    public record Page(int background, int text, int hint) {
    }

    /** flamegraph.pl's pale yellow page: every export. */
    public static final Page LIGHT_PAGE = new Page(BACKGROUND, TEXT, 0x606060);
    /** The window in the dark theme. */
    public static final Page DARK_PAGE = new Page(0x1E1F22, 0xDFE1E5, 0x9A9EA6);

    private FlameColors() {
    }

    public static int of(String name) {
        int h = name.hashCode();
        h ^= h >>> 16;
        h *= 0x45D9F3B;
        h ^= h >>> 16;
        double v1 = (h & 0xff) / 255.0, v2 = ((h >>> 8) & 0xff) / 255.0, v3 = ((h >>> 16) & 0xff) / 255.0;
        if (name.endsWith("_[k]")) return rgb(200 + 55 * v1, 110 + 60 * v2, 0 + 40 * v3);
        if (name.endsWith("_[j]")) return rgb(50 + 60 * v1, 190 + 60 * v2, 50 + 60 * v3);
        if (name.endsWith("_[i]")) return rgb(80 + 60 * v1, 190 + 55 * v2, 190 + 55 * v3);
        return rgb(205 + 50 * v3, 230 * v1, 55 * v2);
    }

    /** delta = drawn - baseline; maxAbs = the largest |delta| of the graph. */
    public static int diff(double delta, double maxAbs) {
        if (maxAbs <= 0 || delta == 0) return rgb(250, 250, 250);
        double k = Math.min(1, Math.abs(delta) / maxAbs);
        int c = (int) Math.round(210 * (1 - k));
        return delta > 0 ? rgb(255, c, c) : rgb(c, c, 255);
    }

    private static int rgb(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
