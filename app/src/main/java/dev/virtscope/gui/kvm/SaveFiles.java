package dev.virtscope.gui.kvm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The save dialog and the error report of the tabs' exports. */
public final class SaveFiles {
    /** Writes to a chosen file. */
    public interface Writer {
        void write(Path file) throws IOException;
    }

    private SaveFiles() {
    }

    /**
     * Asks where to save (the filters in order: the first is the default), then writes; a failure is
     * reported in a dialog and leaves any existing file as it was.
     */
    public static void save(Window owner, String title, String initialName, Writer w, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filters);
        chooser.setInitialFileName(initialName);
        File f = chooser.showSaveDialog(owner);
        if (f == null) return;
        try {
            w.write(f.toPath());
        } catch (IOException | RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, "Cannot write " + f + ": " + e.getMessage());
            a.initOwner(owner);
            a.show();
        }
    }

    public static FileChooser.ExtensionFilter csv() {
        return new FileChooser.ExtensionFilter("CSV table", "*.csv");
    }

    /** The base name for exported files: the trace's file name without compression and text suffixes. */
    public static String baseName(Path trace) {
        String n = trace == null ? "trace" : String.valueOf(trace.getFileName());
        return n.replaceFirst("\\.(gz|xz|zst)$", "").replaceFirst("\\.(txt|dat|log)$", "");
    }
}
