package dev.virtscope.gui.latency;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;

import dev.virtscope.gui.kvm.Choosers;

/**
 * The Latency tab's toolbar and outlier settings: filters (reason, vCPU, host CPU), bucket scheme (log2,
 * or linear with a width), log count axis, generic pairing, exports. Only holds the controls; the tab
 * turns them into a {@link LatencyQuery}.
 */
final class LatencyControls {
    final ComboBox<String> reason = Choosers.chooser("latency-reason", Choosers.ALL_REASONS);
    final ComboBox<String> vcpu = Choosers.chooser("latency-vcpu", Choosers.ALL_VCPUS);
    final ComboBox<String> cpu = Choosers.chooser("latency-cpu", Choosers.ALL_CPUS);
    final ToggleGroup buckets = new ToggleGroup();
    final RadioButton log2 = new RadioButton("log2"), linear = new RadioButton("linear, width");
    final TextField width = new TextField("10us");
    final CheckBox logCounts = new CheckBox("log count axis");
    final Button pair = new Button("Pair events…"), exits = new Button("Back to kvm exits");
    final Button png = new Button("Export PNG…"), svg = new Button("Export SVG…");
    final TextField threshold = new TextField("1ms");
    final CheckBox includeHlt = new CheckBox("include HLT");
    final Label status = new Label();

    LatencyControls() {
        log2.setId("latency-log2");
        linear.setId("latency-linear");
        log2.setToggleGroup(buckets);
        linear.setToggleGroup(buckets);
        log2.setSelected(true);
        width.setId("latency-width");
        width.setPrefColumnCount(6);
        width.disableProperty().bind(linear.selectedProperty().not());
        logCounts.setId("latency-log-axis");
        pair.setId("latency-pair");
        exits.setId("latency-exits");
        exits.setVisible(false);
        exits.managedProperty().bind(exits.visibleProperty());
        png.setId("latency-export-png");
        svg.setId("latency-export-svg");
        threshold.setId("latency-threshold");
        threshold.setPrefColumnCount(6);
        includeHlt.setId("latency-include-hlt");
        status.setId("latency-status");
    }

    ToolBar toolbar() {
        return new ToolBar(reason, vcpu, cpu, sep(), new Label("Buckets"), log2, linear, width, logCounts, sep(), pair, exits, sep(),
                png, svg);
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    /** Marks a field whose text is not a duration. */
    static void flag(TextField f, boolean bad) {
        f.setStyle(bad ? "-fx-border-color: #c0392b;" : "");
    }
}
