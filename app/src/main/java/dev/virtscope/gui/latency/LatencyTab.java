package dev.virtscope.gui.latency;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.jfree.chart.fx.ChartViewer;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.kvm.StatTable;
import dev.virtscope.gui.Selection;
import dev.virtscope.gui.Session;
import dev.virtscope.gui.ViewExports;
import dev.virtscope.gui.kvm.AnalysisRunner;
import dev.virtscope.gui.kvm.Csv;
import dev.virtscope.gui.kvm.SaveFiles;
import dev.virtscope.gui.kvm.StatTableView;
import dev.virtscope.gui.kvm.Choosers;
import dev.virtscope.store.EventStore;
import dev.virtscope.view.chart.LatencyHistogramChart;

/**
 * The "Latency" tab: the histogram of kvm exit → entry latencies (or of a generic start/end pairing) in
 * JFreeChart's FX viewer with p50/p90/p99 lines, the kvm-stat vmexit table beside it (clicking a row plots
 * that reason), and the exits above a threshold; double-clicking one shows it on the timeline. Every
 * change of a control recomputes on a background thread (changes while the tab is hidden wait until it
 * is shown); PNG/SVG exports write the chart object that is on screen, through the code the CLI uses.
 */
public final class LatencyTab extends Tab implements ViewExports {
    /** Brings the timeline forward centred on [fromNs, toNs]. */
    public interface ShowOnTimeline {
        void show(long fromNs, long toNs);
    }

    private final Session session;
    private final ShowOnTimeline timeline;
    private final AnalysisRunner runner = new AnalysisRunner("latency");
    private final LatencyComputation computation = new LatencyComputation();
    private final LatencyControls c = new LatencyControls();
    private final ChartViewer viewer = new ChartViewer(null);
    private final StatTableView stats = new StatTableView("latency-stat-table");
    private final OutlierTable outliers = new OutlierTable(this::showOutlier);
    private LatencyQuery.Pair pair;
    private LatencyResult result;
    /** set while controls are updated from a result, so that the update does not recompute */
    private boolean filling;
    /** a change arrived while the tab was hidden: computed when it is next shown, not before */
    private boolean stale;

    public LatencyTab(Session session, ShowOnTimeline timeline) {
        super("Latency");
        this.session = session;
        this.timeline = timeline;
        setId("latency-tab");
        setClosable(false);
        viewer.setId("latency-chart");
        stats.compact();
        Label statsTitle = new Label("kvm-stat vmexit (click a row to plot that reason)");
        HBox outlierBar = new HBox(6, new Label("Exits longer than"), c.threshold, c.includeHlt);
        outlierBar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(stats, Priority.ALWAYS);
        VBox.setVgrow(outliers, Priority.ALWAYS);
        VBox side = new VBox(4, statsTitle, stats, outlierBar, outliers);
        side.setPadding(new Insets(4));
        SplitPane split = new SplitPane(viewer, side);
        split.setId("latency-split");
        split.setDividerPositions(0.56);
        BorderPane root = new BorderPane(split);
        root.setTop(c.toolbar());
        c.status.setPadding(new Insets(2, 6, 2, 6));
        root.setBottom(c.status);
        setContent(root);

        for (var combo : List.of(c.reason, c.vcpu, c.cpu)) combo.valueProperty().addListener((o, a, b) -> changed());
        c.buckets.selectedToggleProperty().addListener((o, a, b) -> changed());
        c.logCounts.selectedProperty().addListener((o, a, b) -> changed());
        c.includeHlt.selectedProperty().addListener((o, a, b) -> changed());
        c.width.setOnAction(e -> changed());
        c.width.focusedProperty().addListener((o, was, is) -> {
            if (!is) changed();
        });
        c.threshold.setOnAction(e -> changed());
        c.threshold.focusedProperty().addListener((o, was, is) -> {
            if (!is) changed();
        });
        c.pair.setOnAction(e -> showPairingDialog());
        c.exits.setOnAction(e -> usePair(null));
        c.png.setOnAction(e -> exportView(owner(), "png"));
        c.svg.setOnAction(e -> exportView(owner(), "svg"));
        // the viewer's own menu exports through other code: offer ours, so files always match the CLI's
        javafx.scene.control.MenuItem reset = new javafx.scene.control.MenuItem("Reset zoom"),
                png = new javafx.scene.control.MenuItem("Export PNG…"), svg = new javafx.scene.control.MenuItem("Export SVG…");
        reset.setOnAction(e -> resetZoom());
        png.setOnAction(e -> exportView(owner(), "png"));
        svg.setOnAction(e -> exportView(owner(), "svg"));
        viewer.getContextMenu().getItems().setAll(reset, png, svg);
        stats.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && !filling && pair == null) c.reason.setValue(row.key());
        });
        session.openProperty().addListener((o, a, b) -> {
            pair = null;
            c.exits.setVisible(false);
            changed();
        });
        selectedProperty().addListener((o, was, is) -> {
            if (is && stale) changed();
        });
        changed();
    }

    /** The last result shown, or null. */
    public LatencyResult result() {
        return result;
    }

    /** True while a computation is running. */
    public boolean busy() {
        return runner.busyProperty().get();
    }

    public ChartViewer viewer() {
        return viewer;
    }

    public StatTableView statTable() {
        return stats;
    }

    /** The query the controls describe now, or null when a typed duration is not one. */
    LatencyQuery query() {
        long width = -1;
        if (c.linear.isSelected()) {
            width = DurationText.parse(c.width.getText());
            LatencyControls.flag(c.width, width <= 0);
            if (width <= 0) return null;
        }
        long th = DurationText.parse(c.threshold.getText());
        LatencyControls.flag(c.threshold, th < 0);
        if (th < 0) return null;
        return new LatencyQuery(Choosers.text(c.reason), Choosers.number(c.vcpu), Choosers.number(c.cpu), width,
                c.logCounts.isSelected(), th, c.includeHlt.isSelected(), pair);
    }

    private void changed() {
        if (filling) return;
        if (!isSelected()) {
            stale = true;
            return;
        }
        stale = false;
        Session.OpenTrace open = session.open();
        if (open == null) {
            c.status.setText("Open a trace with kvm_exit / kvm_entry events, or pair any two events");
            return;
        }
        LatencyQuery q = query();
        if (q == null) {
            c.status.setText("Durations are typed as 500ns, 20us, 1.5ms or 1s");
            return;
        }
        EventStore s = open.trace().events();
        c.status.setText("Computing…");
        runner.run(() -> computation.compute(s, q), this::show, err -> c.status.setText("Cannot compute: " + err.getMessage()));
    }

    private void show(LatencyResult r) {
        result = r;
        KvmExits k = r.exits();
        filling = true;
        Choosers.fill(c.reason, Choosers.reasons(k));
        Choosers.fill(c.vcpu, Choosers.vcpus(k));
        Choosers.fill(c.cpu, Choosers.cpus(k));
        stats.show(r.stats(), "Reason");
        filling = false;
        boolean pairs = r.query().pair() != null;
        c.reason.setDisable(pairs);
        c.vcpu.setDisable(pairs);
        viewer.setChart(r.chart().chart());
        Session.OpenTrace open = session.open();
        outliers.show(k, r.outliers(), open == null ? dev.virtscope.gui.TimeText.nanoseconds() : open.time());
        c.status.setText(r.note() + String.format(Locale.ROOT, "  |  %,d outliers", r.outliers().length));
    }

    /** Back to the whole histogram after drag-zooming into the chart. */
    private void resetZoom() {
        if (viewer.getChart() == null) return;
        viewer.getChart().getXYPlot().getDomainAxis().setAutoRange(true);
        viewer.getChart().getXYPlot().getRangeAxis().setAutoRange(true);
    }

    /** Opens the pairing dialog (not modal for the rest of the app's event loop); OK plots its pairs. */
    public PairingDialog showPairingDialog() {
        Session.OpenTrace open = session.open();
        if (open == null) return null;
        EventStore s = open.trace().events();
        List<String> names = new ArrayList<>();
        for (int id = 0; id < s.eventNames().size(); id++) if (s.countOfType(id) > 0) names.add(s.eventNames().get(id));
        names.sort(null);
        PairingDialog d = new PairingDialog(owner(), names, pair);
        d.setOnHidden(e -> {
            if (d.getResult() != null) usePair(d.getResult());
        });
        d.show();
        return d;
    }

    private void usePair(LatencyQuery.Pair p) {
        pair = p;
        c.exits.setVisible(p != null);
        changed();
    }

    /** The exit of outlier row r: select it and its span, and show it on the timeline. */
    private void showOutlier(int r) {
        KvmExits k = result == null ? null : result.exits();
        if (k == null || !k.paired(r)) return;
        long from = k.startNs(r), to = from + k.durationNs(r);
        Selection sel = session.selection();
        sel.selectRange(from, to);
        sel.eventProperty().set(k.exitIndex(r));
        timeline.show(from, to);
    }

    private Window owner() {
        return getTabPane() == null || getTabPane().getScene() == null ? null : getTabPane().getScene().getWindow();
    }

    private String baseName() {
        Session.OpenTrace open = session.open();
        return SaveFiles.baseName(open == null ? null : open.path());
    }

    @Override
    public void exportView(Window owner, ViewExports.Format format) {
        exportView(owner, format.extension());
    }

    @Override
    public boolean hasTable() {
        return true;
    }

    private void exportView(Window owner, String preferred) {
        if (result == null) return;
        FileChooser.ExtensionFilter png = new FileChooser.ExtensionFilter("PNG image", "*.png"),
                svg = new FileChooser.ExtensionFilter("SVG drawing", "*.svg");
        boolean isSvg = preferred.equals("svg");
        SaveFiles.save(owner, "Export latency histogram", baseName() + "-latency." + preferred, this::exportChart,
                isSvg ? svg : png, isSvg ? png : svg);
    }

    /**
     * Writes the chart on screen, at its on-screen size, as SVG when the name ends in .svg and PNG
     * otherwise — with {@link LatencyHistogramChart}'s writers, as {@code virtscope histogram --out} does.
     */
    public void exportChart(Path file) throws IOException {
        if (result == null) throw new IOException("nothing computed yet");
        LatencyHistogramChart chart = result.chart();
        int w = viewer.getWidth() >= 100 ? (int) viewer.getWidth() : LatencyHistogramChart.DEFAULT_WIDTH;
        int h = viewer.getHeight() >= 100 ? (int) viewer.getHeight() : LatencyHistogramChart.DEFAULT_HEIGHT;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) chart.writeSvg(file, w, h);
        else chart.writePng(file, w, h);
    }

    @Override
    public void exportTable(Window owner) {
        if (result == null) return;
        SaveFiles.save(owner, "Export table as CSV", baseName() + "-kvm-stat-vmexit.csv", this::writeTable, SaveFiles.csv());
    }

    /** The kvm-stat table beside the chart, as CSV. */
    public void writeTable(Path file) throws IOException {
        StatTable t = result.stats();
        Csv.write(file, StatTableView.csvHeader("Reason"), StatTableView.csvRows(t));
    }
}
