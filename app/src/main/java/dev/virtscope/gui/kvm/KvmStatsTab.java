package dev.virtscope.gui.kvm;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.kvm.KvmStat;
import dev.virtscope.analysis.kvm.StatTable;
import dev.virtscope.analysis.kvm.VcpuTimeSplit;
import dev.virtscope.gui.Session;
import dev.virtscope.gui.ViewExports;
import dev.virtscope.store.EventStore;

/**
 * The "KVM stats" tab: {@code perf kvm stat report} for vmexit, ioport, msr or mmio, one row per key,
 * vCPU or host CPU, optionally for one vCPU; below it the per-vCPU time split. Computed from the trace's
 * paired exits on a background thread, only while the tab is shown; both tables export as CSV.
 */
public final class KvmStatsTab extends Tab implements ViewExports {
    /** What the tab shows once computed. */
    public record Result(KvmExits exits, StatTable table, String keyHeader, VcpuTimeSplit split) {
    }

    private final Session session;
    private final AnalysisRunner runner = new AnalysisRunner("kvm-stats");
    private final ComboBox<String> event = new ComboBox<>();
    private final ComboBox<String> by = new ComboBox<>();
    private final ComboBox<String> vcpu = Choosers.chooser("kvm-stats-vcpu", Choosers.ALL_VCPUS);
    private final StatTableView table = new StatTableView("kvm-stats-table");
    private final VcpuSplitView split = new VcpuSplitView();
    private final Label status = new Label();
    private Result result;
    /** set while the vCPU chooser is refilled from a result, so that refilling does not recompute */
    private boolean filling;
    /** a change arrived while the tab was hidden: computed when it is next shown, not before */
    private boolean stale;

    public KvmStatsTab(Session session) {
        super("KVM stats");
        this.session = session;
        setId("kvm-stats-tab");
        setClosable(false);
        event.setId("kvm-stats-event");
        for (KvmStat.Event e : KvmStat.Event.values()) event.getItems().add(e.id());
        event.getSelectionModel().select(0);
        by.setId("kvm-stats-by");
        by.getItems().addAll("key", "vCPU", "CPU");
        by.getSelectionModel().select(0);
        status.setId("kvm-stats-status");
        Button csv = new Button("Export table as CSV…");
        csv.setId("kvm-stats-export-csv");
        csv.setOnAction(e -> exportTable(owner()));
        Button splitCsv = new Button("Export split as CSV…");
        splitCsv.setId("kvm-stats-export-split");
        splitCsv.setOnAction(e -> exportSplit(owner()));
        ToolBar bar = new ToolBar(new Label("Event"), event, new Label("Rows by"), by, vcpu, new Separator(Orientation.VERTICAL),
                csv, splitCsv, new Separator(Orientation.VERTICAL), status);
        Label splitTitle = new Label("Time per vCPU: in guest (entry → exit), in host handling exits, in userspace (QEMU)");
        splitTitle.setPadding(new Insets(4, 6, 2, 6));
        VBox.setVgrow(split, Priority.ALWAYS);
        SplitPane panes = new SplitPane(table, new VBox(splitTitle, split));
        panes.setOrientation(Orientation.VERTICAL);
        panes.setId("kvm-stats-split");
        panes.setDividerPositions(0.62);
        BorderPane root = new BorderPane(panes);
        root.setTop(bar);
        setContent(root);

        event.valueProperty().addListener((o, a, b) -> recompute());
        by.valueProperty().addListener((o, a, b) -> recompute());
        vcpu.valueProperty().addListener((o, a, b) -> {
            if (!filling) recompute();
        });
        session.openProperty().addListener((o, a, b) -> recompute());
        selectedProperty().addListener((o, was, is) -> {
            if (is && stale) recompute();
        });
        recompute();
    }

    public Result result() {
        return result;
    }

    public boolean busy() {
        return runner.busyProperty().get();
    }

    public StatTableView table() {
        return table;
    }

    public VcpuSplitView split() {
        return split;
    }

    private void recompute() {
        if (!isSelected()) {
            stale = true;
            return;
        }
        stale = false;
        Session.OpenTrace open = session.open();
        if (open == null) {
            status.setText("Open a trace with kvm_exit / kvm_entry events");
            return;
        }
        EventStore s = open.trace().events();
        KvmStat.Event e = KvmStat.Event.parse(event.getValue());
        KvmStat.By grouping = switch (by.getSelectionModel().getSelectedIndex()) {
            case 1 -> KvmStat.By.VCPU;
            case 2 -> KvmStat.By.CPU;
            default -> KvmStat.By.KEY;
        };
        int v = Choosers.number(vcpu);
        status.setText("Computing…");
        runner.run(() -> {
            KvmExits k = KvmExitsCache.of(s);
            return new Result(k, KvmStat.report(s, k, e, v, grouping), StatTableView.keyHeader(e, grouping), VcpuTimeSplit.of(k));
        }, this::show, err -> status.setText("Failed: " + err.getMessage()));
    }

    private void show(Result r) {
        result = r;
        filling = true;
        Choosers.fill(vcpu, Choosers.vcpus(r.exits()));
        filling = false;
        table.show(r.table(), r.keyHeader());
        split.show(r.split());
        StatTable t = r.table();
        status.setText(String.format(Locale.ROOT, "%,d samples, %.3f ms handled%s", t.totalSamples(), t.totalTimeNs() / 1e6,
                t.unpaired() > 0 ? String.format(Locale.ROOT, "; %,d unpaired (not counted)", t.unpaired()) : ""));
    }

    private Window owner() {
        return getTabPane() == null || getTabPane().getScene() == null ? null : getTabPane().getScene().getWindow();
    }

    private String baseName() {
        Session.OpenTrace open = session.open();
        return SaveFiles.baseName(open == null ? null : open.path());
    }

    /** The tables have no drawing of their own: the view exports as a PNG snapshot of the tab. */
    @Override
    public boolean exportsAs(ViewExports.Format format) {
        return format == ViewExports.Format.PNG;
    }

    @Override
    public boolean hasTable() {
        return true;
    }

    @Override
    public void exportView(Window owner, ViewExports.Format format) {
        if (result == null || getContent() == null) return;
        SaveFiles.save(owner, "Export view as PNG", baseName() + "-kvm-stats.png", f -> NodeImages.writePng(getContent(), f),
                new javafx.stage.FileChooser.ExtensionFilter("PNG image", "*.png"));
    }

    @Override
    public void exportTable(Window owner) {
        if (result == null) return;
        SaveFiles.save(owner, "Export table as CSV", baseName() + "-kvm-stat-" + result.table().event() + ".csv",
                this::writeTable, SaveFiles.csv());
    }

    private void exportSplit(Window owner) {
        if (result == null) return;
        SaveFiles.save(owner, "Export time split as CSV", baseName() + "-vcpu-split.csv", this::writeSplit, SaveFiles.csv());
    }

    /** The stat table as shown, as CSV (times in ns). */
    public void writeTable(java.nio.file.Path file) throws java.io.IOException {
        Csv.write(file, StatTableView.csvHeader(result.keyHeader()), StatTableView.csvRows(result.table()));
    }

    public void writeSplit(java.nio.file.Path file) throws java.io.IOException {
        Csv.write(file, VcpuSplitView.csvHeader(), VcpuSplitView.csvRows(result.split()));
    }
}
