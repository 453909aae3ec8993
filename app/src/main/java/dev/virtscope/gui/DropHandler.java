package dev.virtscope.gui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Opens a file dropped onto the window. One trace is shown at a time, so of several dropped files
 * the first regular file is opened.
 */
public final class DropHandler {
    private final Consumer<Path> open;

    public DropHandler(Consumer<Path> open) {
        this.open = open;
    }

    public void install(Node target) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            Dragboard db = e.getDragboard();
            if (db.hasFiles() && accepts(db.getFiles())) e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            e.consume();
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Dragboard db = e.getDragboard();
            e.setDropCompleted(db.hasFiles() && drop(db.getFiles()));
            e.consume();
        });
    }

    /** Whether a drag carrying these files may be dropped: at least one is not a directory. */
    public boolean accepts(List<File> files) {
        return pick(files) != null;
    }

    /** Opens the first droppable file; false when there is none. */
    public boolean drop(List<File> files) {
        File f = pick(files);
        if (f == null) return false;
        open.accept(f.toPath());
        return true;
    }

    private static File pick(List<File> files) {
        for (File f : files) if (!f.isDirectory()) return f;
        return null;
    }
}
