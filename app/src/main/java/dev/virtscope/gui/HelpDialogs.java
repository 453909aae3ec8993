package dev.virtscope.gui;

import java.util.List;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

import dev.virtscope.cli.Version;

/** Help → About and Help → Keyboard shortcuts. */
final class HelpDialogs {
    /** Every shortcut of the window, shown by the shortcuts dialog. */
    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Ctrl+O", "Open a trace file"},
            new String[] {"Ctrl+Q", "Quit"},
            new String[] {"Esc", "Cancel the running load"},
            new String[] {"F1", "This list"},
            new String[] {"Ctrl+Tab", "Next tab"},
            new String[] {"Ctrl+1 … Ctrl+5", "Events, Timeline, Latency, Flame graph, KVM stats tab (Analysis menu)"},
            new String[] {"F, Ctrl+=, Ctrl+−", "Zoom the timeline to fit, in, out (View menu, toolbar)"},
            new String[] {"↑ ↓ PgUp PgDn Home End", "Move in the events table"},
            new String[] {"Timeline: Ctrl+wheel, W / S, + / −", "Zoom in / out around the pointer or centre"},
            new String[] {"Timeline: drag, A / D, ← / →", "Pan left / right"},
            new String[] {"Timeline: wheel, ↑ / ↓", "Scroll the lanes"},
            new String[] {"Timeline: F", "Fit the whole trace"},
            new String[] {"Timeline: Shift+drag, Esc", "Select a time range, clear it"},
            new String[] {"Timeline: click / Shift+click", "Set marker A (at the clicked event) / marker B; the status bar shows Δ"},
            new String[] {"Events: Enter in Expression", "Apply the field expression"});

    private HelpDialogs() {
    }

    static Dialog<?> about(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("About VirtScope");
        a.setHeaderText("VirtScope " + Version.get());
        a.setContentText("Trace viewer for QEMU/KVM performance work: ftrace and trace-cmd text, perf script, "
                + "QEMU traces in one timeline, with KVM exit statistics and flame graphs.\n\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        a.getDialogPane().setId("about-dialog");
        a.show();
        return a;
    }

    static Dialog<?> shortcuts(Window owner) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.NONE);
        d.setTitle("Keyboard shortcuts");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (String[] s : SHORTCUTS) {
            Label key = new Label(s[0]);
            key.setStyle("-fx-font-weight: bold");
            grid.addRow(row++, key, new Label(s[1]));
        }
        d.getDialogPane().setContent(grid);
        d.getDialogPane().setId("shortcuts-dialog");
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
        return d;
    }
}
