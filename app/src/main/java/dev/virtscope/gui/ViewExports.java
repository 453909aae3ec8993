package dev.virtscope.gui;

import javafx.stage.Window;

/**
 * A tab that can write what it shows to files: File → Export view as PNG/SVG… and File → Export table
 * as CSV… act on the selected tab when it implements this.
 */
public interface ViewExports {
    /** Asks for a file and writes the tab's picture (PNG or SVG by extension). */
    void exportView(Window owner);

    /** Asks for a file and writes the tab's table as CSV. */
    void exportTable(Window owner);
}
