package dev.virtscope.gui.kvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.scene.control.TableView;

import dev.virtscope.analysis.kvm.KvmStat;
import dev.virtscope.analysis.kvm.StatTable;

/**
 * A {@code perf kvm stat report} table: one row per key (exit reason, port, MSR, gpa, vCPU or CPU) with
 * samples, shares, min/max/avg in µs and ± (relative standard error of the mean), as perf prints them.
 */
public final class StatTableView extends TableView<StatTable.Row> {
    private StatTable table;

    public StatTableView(String id) {
        setId(id);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new javafx.scene.control.Label("No kvm events paired"));
        getColumns().add(Columns.text("stat-key", "Reason", StatTable.Row::key));
        getColumns().add(Columns.number("stat-samples", "Samples", StatTable.Row::samples, n -> String.format(Locale.ROOT, "%,d", n)));
        getColumns().add(Columns.number("stat-samples-pct", "Samples%", StatTable.Row::samplesPct, StatTableView::pct));
        getColumns().add(Columns.number("stat-time-pct", "Time%", StatTable.Row::timePct, StatTableView::pct));
        getColumns().add(Columns.number("stat-min", "Min (µs)", StatTable.Row::minNs, ns -> us(ns)));
        getColumns().add(Columns.number("stat-max", "Max (µs)", StatTable.Row::maxNs, ns -> us(ns)));
        getColumns().add(Columns.number("stat-avg", "Avg (µs)", StatTable.Row::avgNs, StatTableView::us));
        getColumns().add(Columns.number("stat-stddev", "±%", StatTable.Row::stddevPct, StatTableView::pct));
    }

    /** Leaves out the shares of samples and the ± column, for a table beside a chart. */
    public void compact() {
        for (var c : getColumns()) if (c.getId().equals("stat-samples-pct") || c.getId().equals("stat-stddev")) c.setVisible(false);
    }

    /** Shows a table; keyHeader names its first column (Reason, Port, MSR, GPA, vCPU, CPU). */
    public void show(StatTable t, String keyHeader) {
        table = t;
        getColumns().get(0).setText(keyHeader);
        getItems().setAll(t == null ? FXCollections.emptyObservableList() : t.rows());
    }

    public StatTable table() {
        return table;
    }

    /** The first column's header for an event and a grouping, as perf names its keys. */
    public static String keyHeader(KvmStat.Event e, KvmStat.By by) {
        if (by == KvmStat.By.VCPU) return "vCPU";
        if (by == KvmStat.By.CPU) return "CPU";
        return switch (e) {
            case IOPORT -> "Port:dir";
            case MSR -> "MSR:dir";
            case MMIO -> "GPA:dir";
            default -> "Reason";
        };
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v);
    }

    static String us(double ns) {
        return String.format(Locale.ROOT, "%.2f", ns / 1e3);
    }

    /** The CSV of a table: the same columns as the CLI's {@code kvm-stat --csv}, times in ns. */
    public static List<String> csvHeader(String keyHeader) {
        return List.of(keyHeader, "samples", "samplesPct", "timePct", "minNs", "maxNs", "avgNs", "stddevPct");
    }

    public static List<List<String>> csvRows(StatTable t) {
        List<List<String>> rows = new ArrayList<>();
        for (StatTable.Row r : t.rows()) {
            rows.add(List.of(r.key(), Long.toString(r.samples()), f4(r.samplesPct()), f4(r.timePct()), Long.toString(r.minNs()),
                    Long.toString(r.maxNs()), String.format(Locale.ROOT, "%.1f", r.avgNs()), f4(r.stddevPct())));
        }
        return rows;
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
