package dev.virtscope.stack.flame;

import java.util.Arrays;

/**
 * Positions of the frames to draw: x and width as fractions of the zoomed node's width, level =
 * depth below the root. Frames narrower than the minimum width are pruned with their subtrees
 * (flamegraph.pl's {@code --minwidth}). Zooming into a node shows its subtree across the full
 * width and its ancestors as full-width bars, as the SVG's click-to-zoom does.
 */
public final class FlameLayout {
    public final FlameTree tree;
    public final int zoom;
    int[] node = new int[256];
    double[] x = new double[256], w = new double[256];
    int count;

    /**
     * @param minFraction smallest width drawn, as a fraction of the full width (e.g. 0.1 px / 1200 px)
     */
    public FlameLayout(FlameTree t, int zoom, double minFraction) {
        this.tree = t;
        this.zoom = zoom;
        double full = t.total(zoom);
        for (int a : t.path(zoom)) if (a != zoom) put(a, 0, 1);
        if (zoom != 0) put(0, 0, 1);
        if (full <= 0) return;
        place(zoom, 0, full, minFraction);
    }

    private void place(int n, double x0, double full, double minFraction) {
        double wn = tree.total(n) / full;
        put(n, x0, wn);
        double cx = x0;
        for (int k = 0; k < tree.childCount(n); k++) {
            int c = tree.childAt(n, k);
            double wc = tree.total(c) / full;
            if (wc >= minFraction && wc > 0) place(c, cx, full, minFraction);
            cx += wc;
        }
    }

    private void put(int n, double xs, double ws) {
        if (count == node.length) {
            node = Arrays.copyOf(node, count * 2);
            x = Arrays.copyOf(x, count * 2);
            w = Arrays.copyOf(w, count * 2);
        }
        node[count] = n;
        x[count] = xs;
        w[count++] = ws;
    }

    public int size() {
        return count;
    }

    public int node(int i) {
        return node[i];
    }

    public double x(int i) {
        return x[i];
    }

    public double width(int i) {
        return w[i];
    }

    /** Row of the i-th frame: 0 for the root. */
    public int level(int i) {
        return tree.depth(node[i]);
    }
}
