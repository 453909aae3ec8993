package dev.virtscope.gui;

import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers where the window was — position, size, maximised — and where the split panes' dividers
 * stood, in user preferences, and puts them back when the next window opens. A saved place that is
 * no longer on any screen (a monitor unplugged, a smaller resolution) is moved and shrunk onto the
 * primary screen's visible area, so the window never opens out of reach.
 */
final class WindowLayout {
    private static final String X = "x", Y = "y", W = "width", H = "height", MAXIMISED = "maximised", DIVIDERS = "dividers.";
    /** Smaller than this is not a window anyone meant to keep. */
    static final double MIN_WIDTH = 400, MIN_HEIGHT = 300;

    private final Preferences node;
    /** The last bounds while not maximised: what a maximised window goes back to. */
    private double x = Double.NaN, y = Double.NaN, w, h;

    WindowLayout(Preferences node) {
        this.node = node;
    }

    /** The saved window size, kept on screen, or the given default: the size to make the scene, so the first layout is at that size. */
    double[] size(double defaultWidth, double defaultHeight) {
        double sw = node.getDouble(W, -1), sh = node.getDouble(H, -1);
        if (sw < MIN_WIDTH || sh < MIN_HEIGHT) return new double[] {defaultWidth, defaultHeight};
        Rectangle2D r = clamp(new Rectangle2D(node.getDouble(X, 0), node.getDouble(Y, 0), sw, sh), visibleAreas());
        return new double[] {r.getWidth(), r.getHeight()};
    }

    /**
     * Puts the stage where it was last (before it is shown) and tracks its normal bounds from then on.
     * Without saved bounds the stage keeps its scene's size and the platform's placement.
     */
    void restore(Stage stage) {
        double sw = node.getDouble(W, -1), sh = node.getDouble(H, -1);
        if (sw >= MIN_WIDTH && sh >= MIN_HEIGHT) {
            Rectangle2D r = clamp(new Rectangle2D(node.getDouble(X, 0), node.getDouble(Y, 0), sw, sh), visibleAreas());
            stage.setX(r.getMinX());
            stage.setY(r.getMinY());
            stage.setWidth(r.getWidth());
            stage.setHeight(r.getHeight());
            x = r.getMinX();
            y = r.getMinY();
            w = r.getWidth();
            h = r.getHeight();
        }
        stage.setMaximized(node.getBoolean(MAXIMISED, false));
        Runnable track = () -> {
            if (stage.isMaximized() || stage.isIconified() || stage.getWidth() < MIN_WIDTH || stage.getHeight() < MIN_HEIGHT) return;
            x = stage.getX();
            y = stage.getY();
            w = stage.getWidth();
            h = stage.getHeight();
        };
        stage.xProperty().addListener((o, a, b) -> track.run());
        stage.yProperty().addListener((o, a, b) -> track.run());
        stage.widthProperty().addListener((o, a, b) -> track.run());
        stage.heightProperty().addListener((o, a, b) -> track.run());
    }

    /** Writes the stage's normal bounds and maximised state. */
    void save(Stage stage) {
        try {
            write(stage);
        } catch (IllegalStateException e) {
            // the preferences node was removed meanwhile (tests drop theirs): nothing left to keep it in
        }
    }

    private void write(Stage stage) {
        if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() >= MIN_WIDTH && stage.getHeight() >= MIN_HEIGHT) {
            x = stage.getX();
            y = stage.getY();
            w = stage.getWidth();
            h = stage.getHeight();
        }
        if (!Double.isNaN(x)) {
            node.putDouble(X, x);
            node.putDouble(Y, y);
            node.putDouble(W, w);
            node.putDouble(H, h);
        }
        node.putBoolean(MAXIMISED, stage.isMaximized());
        flush();
    }

    /**
     * Sets each split pane's dividers to the saved positions, by the pane's id; panes never saved, or
     * saved with another number of dividers, keep theirs. Called once the window has its size: a pane
     * whose first item keeps its width when the window resizes would otherwise move the divider.
     */
    void restoreDividers(List<SplitPane> panes) {
        for (SplitPane p : panes) {
            double[] d = savedDividers(p.getId(), p.getDividers().size());
            if (d != null) p.setDividerPositions(d);
        }
    }

    /** The saved positions of the n dividers of the pane with this id, or null. */
    double[] savedDividers(String id, int n) {
        return parse(node.get(DIVIDERS + id, null), n);
    }

    /** Saves each split pane's divider positions under its id (a pane showing one item has none to save). */
    void saveDividers(List<SplitPane> panes) {
        try {
            writeDividers(panes);
        } catch (IllegalStateException e) {
            // the preferences node was removed meanwhile
        }
    }

    private void writeDividers(List<SplitPane> panes) {
        for (SplitPane p : panes) {
            if (p.getDividers().isEmpty()) continue;
            StringBuilder sb = new StringBuilder();
            for (double d : p.getDividerPositions()) sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", d));
            node.put(DIVIDERS + p.getId(), sb.toString());
        }
        flush();
    }

    /** The saved positions if there are exactly n, each strictly inside (0, 1); else null. */
    static double[] parse(String saved, int n) {
        if (saved == null || n == 0) return null;
        String[] parts = saved.trim().split(" ");
        if (parts.length != n) return null;
        double[] d = new double[n];
        try {
            for (int i = 0; i < n; i++) {
                d[i] = Double.parseDouble(parts[i]);
                if (!(d[i] > 0 && d[i] < 1)) return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return d;
    }

    /**
     * The saved rectangle if it lies on one of the visible areas; otherwise moved onto the area it
     * overlaps most (the first, the primary screen's, when it overlaps none) and shrunk to fit it.
     */
    static Rectangle2D clamp(Rectangle2D r, List<Rectangle2D> areas) {
        Rectangle2D best = areas.get(0);
        double most = 0;
        for (Rectangle2D a : areas) {
            if (a.contains(r)) return r;
            double overlap = Math.max(0, Math.min(r.getMaxX(), a.getMaxX()) - Math.max(r.getMinX(), a.getMinX()))
                    * Math.max(0, Math.min(r.getMaxY(), a.getMaxY()) - Math.max(r.getMinY(), a.getMinY()));
            if (overlap > most) {
                most = overlap;
                best = a;
            }
        }
        double w = Math.min(r.getWidth(), best.getWidth()), h = Math.min(r.getHeight(), best.getHeight());
        double x = Math.max(best.getMinX(), Math.min(r.getMinX(), best.getMaxX() - w));
        double y = Math.max(best.getMinY(), Math.min(r.getMinY(), best.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    /** The screens' visible bounds (without panels and docks), the primary screen first. */
    private static List<Rectangle2D> visibleAreas() {
        List<Rectangle2D> out = new java.util.ArrayList<>();
        out.add(Screen.getPrimary().getVisualBounds());
        for (Screen s : Screen.getScreens()) if (!s.equals(Screen.getPrimary())) out.add(s.getVisualBounds());
        return out;
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            System.err.println("virtscope: cannot save the window layout: " + e.getMessage());
        }
    }
}
