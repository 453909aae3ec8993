package dev.virtscope.gui.flame;

import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.util.Duration;

import dev.virtscope.gui.CanvasPainter;
import dev.virtscope.stack.flame.FlameLayout;
import dev.virtscope.stack.flame.FlameTree;
import dev.virtscope.view.flame.FlameColors;
import dev.virtscope.view.flame.FlameRenderer;
import dev.virtscope.view.flame.FlameStyle;
import dev.virtscope.view.paint.Painter;

/**
 * The flame graph on a canvas, drawn by {@link FlameRenderer} (the routine of the PNG and SVG
 * exports) as wide as the tab and as tall as the graph, scrolling vertically. A click on a frame
 * zooms into it; hovering shows the frame's samples and share in a tooltip and in the details line.
 */
final class FlameCanvas extends ScrollPane {
    private final FlameModel model;
    private final Canvas canvas = new Canvas();
    private final StackPane holder = new StackPane(canvas);
    private final Tooltip tip = new Tooltip();
    private final Font font = Font.font("System", Painter.DEFAULT_FONT_SIZE);
    private final Consumer<String> details;
    private FlameStyle style;
    private FlameColors.Page page = FlameColors.LIGHT_PAGE;
    private FlameLayout layout;
    private String title = "";
    /** pointer position on the canvas, NaN when outside: a redraw re-reads the frame under it */
    private double mouseX = Double.NaN, mouseY = Double.NaN;
    /** set when a new graph or layout is shown: the next layout scrolls to the root */
    private boolean scrollToRoot;
    private boolean tipShown;
    private static final String EMPTY_TEXT = "Open a perf script file recorded with -g, or folded stacks, to see its flame graph";

    FlameCanvas(FlameModel model, Consumer<String> details) {
        this.model = model;
        this.details = details;
        setId("flame-scroll");
        canvas.setId("flame-canvas");
        setContent(holder);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        holder.setBackground(new Background(new BackgroundFill(rgb(FlameColors.BACKGROUND), null, null)));
        tip.setShowDelay(Duration.millis(300));
        viewportBoundsProperty().addListener((o, a, b) -> redraw());
        model.treeProperty().addListener((o, a, b) -> {
            scrollToRoot = true;
            redraw();
        });
        model.zoomProperty().addListener((o, a, b) -> redraw());
        model.searchProperty().addListener((o, a, b) -> redraw());
        model.icicleProperty().addListener((o, a, b) -> {
            scrollToRoot = true;
            redraw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            mouseX = e.getX();
            mouseY = e.getY();
            hover();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            mouseX = mouseY = Double.NaN;
            hover();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) zoomAt(e.getX(), e.getY());
        });
    }

    /** The background and title colours of the window's theme. */
    void setPage(FlameColors.Page p) {
        page = p;
        holder.setBackground(new Background(new BackgroundFill(rgb(p.background()), null, null)));
        redraw();
    }

    FlameColors.Page page() {
        return page;
    }

    void setTitle(String t) {
        title = t;
        redraw();
    }

    Canvas canvas() {
        return canvas;
    }

    /** The style of what is on screen: width, zoom, search, icicle; exports draw with it. */
    FlameStyle style() {
        return style;
    }

    /** Node of the frame at canvas pixel (x, y), or -1. */
    int nodeAt(double x, double y) {
        if (layout == null || style == null) return -1;
        int i = FlameRenderer.frameAt(model.tree(), style, layout, x, y);
        return i < 0 ? -1 : layout.node(i);
    }

    /** {x, y, width, height} of a node's frame on the canvas, or null when it is not drawn. */
    double[] boundsOf(int node) {
        if (layout == null) return null;
        for (int i = 0; i < layout.size(); i++) if (layout.node(i) == node) return FlameRenderer.bounds(model.tree(), style, layout, i);
        return null;
    }

    private void zoomAt(double x, double y) {
        int n = nodeAt(x, y);
        if (n >= 0) model.zoomProperty().set(n);
    }

    /** Details of the frame under the pointer, or of the whole graph. */
    private void hover() {
        int n = Double.isNaN(mouseX) ? -1 : nodeAt(mouseX, mouseY);
        // installed only over a frame (an empty tooltip would show as a blank box), once per entry
        if (n < 0) {
            if (tipShown) Tooltip.uninstall(canvas, tip);
            tipShown = false;
            details.accept(summary());
            return;
        }
        FlameTree t = model.tree();
        String text = FlameRenderer.tooltip(t, n, FlameRenderer.clean(t.name(n)), t.total(style.zoomNode()), style);
        tip.setText(text);
        if (!tipShown) Tooltip.install(canvas, tip);
        tipShown = true;
        details.accept(text);
    }

    /** What the details line says when no frame is under the pointer. */
    String summary() {
        FlameTree t = model.tree();
        if (t == null) return "";
        if (t.total(0) == 0) return "No samples match the filters";
        return FlameRenderer.tooltip(t, 0, "all", t.total(0), style == null ? FlameStyle.DEFAULT.withCountName(model.countName()) : style);
    }

    void redraw() {
        double w = Math.max(1, getViewportBounds().getWidth());
        FlameTree t = model.tree();
        CanvasPainter p;
        if (t == null || model.stacks().isEmpty()) {
            layout = null;
            style = null;
            canvas.setWidth(w);
            canvas.setHeight(Math.max(60, getViewportBounds().getHeight()));
            p = new CanvasPainter(canvas.getGraphicsContext2D(), font);
            p.fillRect(0, 0, canvas.getWidth(), canvas.getHeight(), page.background());
            p.text(model.stacks().isEmpty() ? EMPTY_TEXT : "Building the flame graph…", 20, 40, page.hint());
            return;
        }
        int zoom = Math.min(model.zoomProperty().get(), t.size() - 1);
        style = FlameStyle.DEFAULT.withTitle(title).withWidth(w).withIcicle(model.icicleProperty().get()).withSearch(model.searchProperty().get())
                .withZoom(zoom).withCountName(model.countName());
        layout = FlameRenderer.layout(t, style);
        canvas.setWidth(w);
        canvas.setHeight(FlameRenderer.height(t, style));
        holder.setMinHeight(getViewportBounds().getHeight());
        StackPane.setAlignment(canvas, style.icicle() ? Pos.TOP_CENTER : Pos.BOTTOM_CENTER);
        FlameRenderer.draw(t, style, layout, new CanvasPainter(canvas.getGraphicsContext2D(), font), page);
        hover();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (scrollToRoot) {
            // a flame graph grows upwards from its root at the bottom; an icicle hangs from the top.
            // Set after this pulse: while the content grows the skin keeps the old pixel offset.
            scrollToRoot = false;
            Platform.runLater(() -> setVvalue(model.icicleProperty().get() ? 0 : 1));
        }
    }

    private static Color rgb(int c) {
        return Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
    }
}
