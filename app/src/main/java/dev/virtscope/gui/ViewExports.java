package dev.virtscope.gui;

import java.util.Locale;

import javafx.stage.Window;

/**
 * A tab that can write what it shows to files: File → Export view as PNG… / SVG… and File → Export
 * table as CSV… act on the selected tab when it implements this.
 */
public interface ViewExports {
    /** The picture formats of File → Export view. */
    enum Format {
        PNG, SVG;

        /** "png" or "svg": the file name extension. */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Asks for a file, offering format first, and writes the tab's picture (PNG or SVG by the chosen name). */
    void exportView(Window owner, Format format);

    /** Whether the tab's picture can be written in that format (a snapshot of tables is PNG only). */
    default boolean exportsAs(Format format) {
        return true;
    }

    /** Whether the tab has a table for {@link #exportTable}. */
    default boolean hasTable() {
        return false;
    }

    /** Asks for a file and writes the tab's table as CSV; nothing for a tab without one. */
    default void exportTable(Window owner) {
    }
}
