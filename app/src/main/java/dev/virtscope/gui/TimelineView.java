package dev.virtscope.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

import dev.virtscope.analysis.vcpu.VcpuStates;
import dev.virtscope.store.EventStore;
import dev.virtscope.view.timeline.PixelBins;
import dev.virtscope.view.timeline.TaskGroups;
import dev.virtscope.view.timeline.TimelineColours;
import dev.virtscope.view.timeline.TimelineExport;
import dev.virtscope.view.timeline.TimelineHover;
import dev.virtscope.view.timeline.TimelineMarks;
import dev.virtscope.view.timeline.TimelinePainter;
import dev.virtscope.view.timeline.TimelineRow;
import dev.virtscope.view.timeline.TimelineRows;
import dev.virtscope.view.timeline.TimelineViewport;

/**
 * The timeline canvas with its controls: Ctrl+wheel, W/S and +/− zoom; drag, A/D and ←/→ pan;
 * the wheel and ↑/↓ scroll rows; F fits the trace; a click selects the event under the pointer and
 * sets marker A, Shift+click sets marker B; Shift+drag selects a time range (Esc clears it), Ctrl+drag
 * selects one and zooms into it, Z zooms into the selected range; a click on a ▸/▾ label opens or
 * closes that group of rows; hovering shows the state interval and event under the pointer. vCPU
 * states are computed once per trace on a worker thread; until they are ready the vCPU rows show
 * their event ticks only.
 */
public final class TimelineView extends Region {
    private static final double ZOOM_STEP = 0.5;

    private final Session session;
    private final Canvas canvas = new Canvas();
    private final TimelinePainter painter = new TimelinePainter();
    private final TimelineViewport viewport = new TimelineViewport();
    private final Font font = Font.font("System", 12);
    private List<TimelineRow> rows = List.of();
    private int firstRow;
    private double dragX = Double.NaN;
    /** Time where a Shift+drag range selection started, or NONE while panning. */
    private long rangeAnchor = TimelineMarks.NONE;
        /** A window asked for before the view had its width (a restored session); applied at first layout. */
    private long[] pendingRange;
    private boolean dragged, zoomToRange;
    private TaskGroups groups;
    private VcpuStates states;
    private final java.util.Set<String> opened = new java.util.HashSet<>();
    private final Label hover = new Label();
    /** Which open trace the worker's result belongs to: a newer open makes older results stale. */
    private int generation;
    /** The left panel chose the rows: the worker's result must not replace them. */
    private boolean rowsChosen;
    /** A frame was asked for while the view was hidden. */
    private boolean stale;

    public TimelineView(Session session) {
        this.session = session;
        setId("timeline");
        setFocusTraversable(true);
        hover.setId("timeline-tooltip");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        // its colours are in virtscope.css and dark.css, so they follow the theme
        getChildren().addAll(canvas, hover);
        session.openProperty().addListener((obs, old, open) -> {
            groups = null;
            states = null;
            painter.setStates(null);
            opened.clear();
            rowsChosen = false;
            rows = List.of();
            firstRow = 0;
            pendingRange = null;
            fit();
            if (open == null) return;
            // the rows (a pass over the tasks) on a pulse of their own, after the events table's; a
            // restored session may have chosen rows and a range meanwhile, which stay
            session.steps().add(() -> {
                if (session.open() != open) return;
                if (!rowsChosen) rows = TimelineRows.of(open.trace().events(), null, opened);
                redraw();
                computeStates(open.trace().events());
            });
        });
        session.selection().eventProperty().addListener((obs, old, ev) -> {
            revealSelected(ev.intValue());
            redraw();
        });
        session.selection().rangeEndProperty().addListener((obs, old, t) -> redraw());
        session.markers().aProperty().addListener((obs, old, t) -> redraw());
        session.markers().bProperty().addListener((obs, old, t) -> redraw());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointerAt(e.getX()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> session.markers().pointerProperty().set(Markers.NONE));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            dragX = e.getX();
            dragged = false;
            zoomToRange = e.isControlDown() || e.isShortcutDown();
            boolean selecting = e.isShiftDown() || zoomToRange;
            rangeAnchor = selecting ? viewport.timeAt(e.getX() - TimelinePainter.LABEL_WIDTH) : TimelineMarks.NONE;
            e.consume(); // else the tab pane takes the focus back and keys would not reach the timeline
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            hover.setVisible(false);
            if (Double.isNaN(dragX)) return;
            if (rangeAnchor != TimelineMarks.NONE) {
                session.selection().selectRange(rangeAnchor, viewport.timeAt(e.getX() - TimelinePainter.LABEL_WIDTH));
                dragged = true;
                redraw();
                return;
            }
            viewport.pan(dragX - e.getX());
            dragged |= Math.abs(dragX - e.getX()) > 0;
            dragX = e.getX();
            pointerAt(e.getX());
            redraw();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!dragged && e.getButton() == MouseButton.PRIMARY) {
                if (!(e.getX() < TimelinePainter.LABEL_WIDTH && toggle(e.getY()))) mark(e.getX(), e.getY(), e.isShiftDown());
            }
            if (dragged && zoomToRange) zoomToSelection();
            dragX = Double.NaN;
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> showHover(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
    }

    /** Draws with the page, lane and text colours of a theme (the event colours stay). */
    public void setColours(TimelineColours c) {
        painter.setColours(c);
        redraw();
    }

    public TimelineColours colours() {
        return painter.colours();
    }

    /** vCPU states and task groups off the FX thread: O(events) work that must not freeze the window. */
    private void computeStates(EventStore s) {
        int gen = ++generation;
        BackgroundThreads.start(() -> {
            TaskGroups g = TaskGroups.of(s);
            VcpuStates v = VcpuStates.of(s);
            Platform.runLater(() -> {
                if (gen != generation) return;
                groups = g;
                states = v;
                painter.setStates(v);
                if (!rowsChosen) rows = TimelineRows.of(s, g, opened);
                redraw();
            });
        }, "timeline-states");
    }

    /** Draws the frame skipped while the view was hidden (its tab was not selected). */
    void shown() {
        if (stale) redraw();
    }

    /** Whether the view is on screen: in a scene, it and every parent visible. */
    private boolean showing() {
        if (getScene() == null) return false;
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    /** The vCPU states drawn, or null while they are being computed. */
    public VcpuStates states() {
        return states;
    }

    /** Opens or closes the group of rows whose ▸/▾ label is at y; false if there is none. */
    private boolean toggle(double y) {
        int r = TimelinePainter.rowAt(rows, firstRow, y);
        EventStore s = store();
        if (r < 0 || s == null || rows.get(r).toggle() == null || groups == null) return false;
        String key = rows.get(r).toggle();
        if (!opened.remove(key)) opened.add(key);
        rows = TimelineRows.of(s, groups, opened);
        redraw();
        return true;
    }

    /** The tooltip: state interval and event under the pointer, or hidden. */
    private void showHover(double x, double y) {
        EventStore s = store();
        int r = TimelinePainter.rowAt(rows, firstRow, y);
        double px = x - TimelinePainter.LABEL_WIDTH;
        String text = s == null || r < 0 || px < 0 ? null : hoverText(r, px);
        hover.setVisible(text != null);
        if (text == null) return;
        hover.setText(text);
        hover.autosize();
        double w = hover.prefWidth(-1), h = hover.prefHeight(-1);
        hover.resizeRelocate(Math.max(0, Math.min(x + 14, getWidth() - w)), Math.max(0, Math.min(y + 16, getHeight() - h)), w, h);
    }

    /** Text the tooltip shows for row r at plot pixel px (null: nothing there). */
    public String hoverText(int r, double px) {
        Session.OpenTrace open = session.open();
        if (open == null || r < 0 || r >= rows.size()) return null;
        TimeText time = open.time();
        return TimelineHover.text(open.trace().events(), states, rows.get(r), viewport, px, time::absolute, time::duration);
    }

    public Label tooltip() {
        return hover;
    }

    /** Zooms into the selected time range, if there is one. */
    public void zoomToSelection() {
        Selection sel = session.selection();
        if (!sel.hasRange()) return;
        long a = sel.rangeStartProperty().get(), b = sel.rangeEndProperty().get();
        viewport.show(Math.min(a, b), Math.max(a, b));
        redraw();
    }

    /** Shows these rows (the left panel's choice), keeping the time window. */
    public void setRows(List<TimelineRow> shown) {
        rowsChosen = true;
        rows = List.copyOf(shown);
        firstRow = Math.max(0, Math.min(firstRow, rows.size() - 1));
        redraw();
    }

    /**
     * A click without drag: Shift sets marker B at the pointer; otherwise the event under the
     * pointer is selected and marker A set at its time (at the pointer when there is no event).
     */
    private void mark(double x, double y, boolean shift) {
        if (store() == null || x < TimelinePainter.LABEL_WIDTH) {
            if (!shift) select(x, y);
            return;
        }
        long t = viewport.timeAt(x - TimelinePainter.LABEL_WIDTH);
        if (shift) {
            session.markers().bProperty().set(t);
            return;
        }
        int ev = select(x, y);
        session.markers().aProperty().set(ev >= 0 ? store().ts(ev) : t);
    }

    private void pointerAt(double x) {
        boolean over = store() != null && x >= TimelinePainter.LABEL_WIDTH;
        session.markers().pointerProperty().set(over ? viewport.timeAt(x - TimelinePainter.LABEL_WIDTH) : Markers.NONE);
    }

    /** Brings a newly selected event into view (centred) when it is outside the time window. */
    private void revealSelected(int ev) {
        EventStore s = store();
        if (s == null || ev < 0 || ev >= s.size()) return;
        long t = s.ts(ev);
        if (t < viewport.start() || t >= viewport.end()) {
            viewport.pan(viewport.xOf(t) - viewport.width() / 2.0);
        }
    }

    public TimelineViewport viewport() {
        return viewport;
    }

    public List<TimelineRow> rows() {
        return rows;
    }

    /** Shows the whole trace. */
    public void fit() {
        EventStore s = store();
        if (s != null) viewport.fit(s.firstNs(), s.lastNs());
        redraw();
    }

    /** Shows the time window [from, to). */
    public void showRange(long from, long to) {
        if (viewport.width() <= 1) pendingRange = new long[] {from, to};
        viewport.show(from, to);
        redraw();
    }

    /** Zooms by factor around pixel x of the plot (factor &lt; 1 zooms in). */
    public void zoom(double factor, double plotX) {
        viewport.zoom(factor, plotX);
        redraw();
    }

    /** Halves the time window around its centre: View → Zoom in, W, +. */
    public void zoomIn() {
        zoom(ZOOM_STEP, viewport.width() / 2.0);
    }

    /** Doubles the time window around its centre: View → Zoom out, S, −. */
    public void zoomOut() {
        zoom(1 / ZOOM_STEP, viewport.width() / 2.0);
    }

    public void pan(double dx) {
        viewport.pan(dx);
        redraw();
    }

    private EventStore store() {
        Session.OpenTrace open = session.open();
        return open == null ? null : open.trace().events();
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case W, PLUS, ADD, EQUALS -> zoomIn();
            case S, MINUS, SUBTRACT -> zoomOut();
            case A, LEFT -> pan(-viewport.width() / 4.0);
            case D, RIGHT -> pan(viewport.width() / 4.0);
            case F -> fit();
            case Z -> zoomToSelection();
            case ESCAPE -> {
                session.selection().rangeStartProperty().set(Selection.NONE);
                session.selection().rangeEndProperty().set(Selection.NONE);
                redraw();
            }
            case UP -> scrollRows(-1);
            case DOWN -> scrollRows(1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void onScroll(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            double x = Math.max(0, e.getX() - TimelinePainter.LABEL_WIDTH);
            zoom(Math.pow(1.0025, -e.getDeltaY()), x);
        } else if (e.getDeltaY() != 0) {
            scrollRows(e.getDeltaY() > 0 ? -1 : 1);
        } else if (e.getDeltaX() != 0) {
            pan(-e.getDeltaX());
        }
        e.consume();
    }

    private void scrollRows(int d) {
        firstRow = Math.max(0, Math.min(Math.max(0, rows.size() - 1), firstRow + d));
        redraw();
    }

    /** Selects the first event drawn in the clicked pixel (or the nearest within 3 pixels); returns it or -1. */
    private int select(double x, double y) {
        EventStore s = store();
        int r = TimelinePainter.rowAt(rows, firstRow, y);
        double px = x - TimelinePainter.LABEL_WIDTH;
        if (s == null || r < 0 || px < 0) return -1;
        PixelBins bins = new PixelBins();
        long from = viewport.timeAt(px - 3);
        bins.fill(s, rows.get(r).events(), from, viewport.nsPerPixel(), 7);
        for (int d = 0; d <= 3; d++) {
            for (int k : new int[] {3 - d, 3 + d}) {
                if (bins.firstEvent(k) >= 0) {
                    session.selection().eventProperty().set(bins.firstEvent(k));
                    return bins.firstEvent(k);
                }
            }
        }
        return -1;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            boolean first = viewport.width() <= 1;
            canvas.setWidth(w);
            canvas.setHeight(h);
            viewport.setWidth((int) Math.max(1, w - TimelinePainter.LABEL_WIDTH));
            if (first && pendingRange != null) viewport.show(pendingRange[0], pendingRange[1]);
            else if (first) fit();
            pendingRange = null;
            redraw();
        }
    }

    void redraw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (w <= 0 || h <= 0) return;
        // behind another tab: a frame nobody sees would hold up the FX thread just as a trace is shown
        stale = !showing();
        if (stale) return;
        CanvasPainter p = new CanvasPainter(canvas.getGraphicsContext2D(), font);
        Session.OpenTrace open = session.open();
        if (open == null) {
            p.fillRect(0, 0, w, h, painter.colours().background());
            p.text("Open a trace to see its timeline", 20, 40, painter.colours().emptyText());
            return;
        }
        painter.draw(p, open.trace().events(), rows, viewport, w, h, firstRow, marks(open), axisText(open));
    }

    /**
     * Writes what the timeline shows (its time window, every row) to a PNG, or an SVG when the file
     * name ends in .svg, drawn by the same painter as the screen.
     */
    public void export(Path file) throws IOException {
        Session.OpenTrace open = session.open();
        if (open == null) throw new IOException("no trace is open");
        EventStore s = open.trace().events();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            TimelineExport.svg(file, s, statesForExport(s), rows, viewport, marks(open), axisText(open));
        } else {
            TimelineExport.png(file, s, statesForExport(s), rows, viewport, marks(open), axisText(open));
        }
    }

    private VcpuStates statesForExport(EventStore s) {
        return states != null ? states : VcpuStates.of(s);
    }

    private TimelineMarks marks(Session.OpenTrace open) {
        Selection sel = session.selection();
        int ev = sel.eventProperty().get();
        EventStore s = open.trace().events();
        long cursor = ev >= 0 && ev < s.size() ? s.ts(ev) : TimelineMarks.NONE;
        Markers m = session.markers();
        return sel.hasRange() ? new TimelineMarks(cursor, sel.rangeStartProperty().get(), sel.rangeEndProperty().get(),
                m.aProperty().get(), m.bProperty().get())
                : new TimelineMarks(cursor, TimelineMarks.NONE, TimelineMarks.NONE, m.aProperty().get(), m.bProperty().get());
    }

    /** Axis labels: the trace's own precision, or ns once ticks are less than a µs apart. */
    private LongFunction<String> axisText(Session.OpenTrace open) {
        TimeText fine = TimeText.nanoseconds();
        TimeText time = open.time();
        return t -> viewport.nsPerPixel() * 140 < 1000 && time.isNs() ? fine.absolute(t) : time.absolute(t);
    }
}
