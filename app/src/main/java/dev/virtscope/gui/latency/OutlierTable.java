package dev.virtscope.gui.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.decode.kvm.ExitReasons;
import dev.virtscope.decode.kvm.HostVectors;
import dev.virtscope.gui.TimeText;
import dev.virtscope.gui.kvm.Columns;

/**
 * Exits longer than the threshold, in time order: time, vCPU, host CPU, duration and reason (with the
 * host vector's name for VMX external interrupts). Items are row numbers of {@link KvmExits}; a
 * double-click (or Enter) hands the row to the tab, which shows the exit on the timeline.
 */
final class OutlierTable extends TableView<Integer> {
    private KvmExits exits;
    private TimeText time = TimeText.nanoseconds();

    OutlierTable(IntConsumer open) {
        setId("latency-outliers");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label("No exit above the threshold"));
        getColumns().add(Columns.number("outlier-time", "Time", r -> exits.startNs(r), t -> time.absolute(t)));
        getColumns().add(Columns.number("outlier-vcpu", "vCPU", r -> exits.vcpu(r), v -> v < 0 ? "?" : Integer.toString(v)));
        getColumns().add(Columns.number("outlier-cpu", "CPU", r -> exits.cpu(r), String::valueOf));
        getColumns().add(Columns.number("outlier-duration", "Duration (µs)", r -> exits.durationNs(r),
                d -> String.format(Locale.ROOT, "%,.1f", d / 1e3)));
        getColumns().add(Columns.text("outlier-reason", "Reason", this::reason));
        setRowFactory(tv -> {
            TableRow<Integer> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) open.accept(row.getItem());
            });
            return row;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && getSelectionModel().getSelectedItem() != null)
                open.accept(getSelectionModel().getSelectedItem());
        });
    }

    void show(KvmExits k, int[] rows, TimeText t) {
        exits = k;
        time = t;
        List<Integer> items = new ArrayList<>(rows.length);
        for (int r : rows) items.add(r);
        getItems().setAll(items);
    }

    private String reason(int r) {
        String name = exits.reasonName(r);
        long v = exits.subKey(r);
        return ExitReasons.isExternalInterrupt(name) && v >= 0 && v < 256 ? name + " " + HostVectors.name((int) v) : name;
    }
}
