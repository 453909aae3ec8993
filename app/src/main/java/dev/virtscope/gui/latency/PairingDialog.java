package dev.virtscope.gui.latency;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * "Pair events…": choose a start event, an end event and what ties them together — the thread, the
 * CPU, or a numeric payload field (vcpu, irq, vec, …) — like KernelShark's latency plot. Each start
 * is paired with the next end of the same key ({@code EventPairing}).
 */
public final class PairingDialog extends Dialog<LatencyQuery.Pair> {
    final ComboBox<String> start = new ComboBox<>(), end = new ComboBox<>(), key = new ComboBox<>();

    PairingDialog(Window owner, List<String> eventNames, LatencyQuery.Pair current) {
        if (owner != null) initOwner(owner);
        setTitle("Pair events");
        setHeaderText("Latency from each start event to the next end event with the same key");
        start.setId("pair-start");
        end.setId("pair-end");
        key.setId("pair-key");
        start.getItems().setAll(eventNames);
        end.getItems().setAll(eventNames);
        key.setEditable(true);
        key.getItems().setAll("tid", "cpu", "vcpu", "irq", "vec", "pid");
        LatencyQuery.Pair init = current != null ? current : defaults(eventNames);
        start.setValue(init.start());
        end.setValue(init.end());
        key.setValue(init.key());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        g.addRow(0, new Label("Start event"), start);
        g.addRow(1, new Label("End event"), end);
        g.addRow(2, new Label("Key (tid, cpu or a payload field)"), key);
        getDialogPane().setContent(g);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(start.valueProperty().isNull()
                .or(end.valueProperty().isNull()).or(key.getEditor().textProperty().isEmpty()));
        setResultConverter(b -> b == ButtonType.OK ? new LatencyQuery.Pair(start.getValue(), end.getValue(), keyText()) : null);
    }

    private String keyText() {
        String t = key.getEditor().getText();
        return t == null || t.isBlank() ? key.getValue() : t.trim();
    }

    /** kvm_exit → kvm_entry by thread when the trace has them, else the first event to itself. */
    private static LatencyQuery.Pair defaults(List<String> names) {
        if (names.contains("kvm_exit") && names.contains("kvm_entry")) return new LatencyQuery.Pair("kvm_exit", "kvm_entry", "tid");
        if (names.contains("sched_waking") && names.contains("sched_switch"))
            return new LatencyQuery.Pair("sched_waking", "sched_switch", "cpu");
        String first = names.isEmpty() ? null : names.get(0);
        return new LatencyQuery.Pair(first, first, "tid");
    }
}
