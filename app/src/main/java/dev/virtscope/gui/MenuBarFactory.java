package dev.virtscope.gui;

import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Builds the menu bar's File and Help menus; every item calls one of the window's {@link Actions}.
 * The View and Analysis menus ({@link ViewMenu}, {@link AnalysisMenu}) go between them, and the
 * session items ({@link SessionMenu}) into File after Open sample.
 */
final class MenuBarFactory {
    /** What the menus do. */
    interface Actions {
        void openWithChooser();

        /** File → Add file to session…: one more file shown with the open ones. */
        void addFileWithChooser();

        void open(Path file);

        void exportView(ViewExports.Format format);

        void exportTable();

        /** True while File → Export view in that format has something to write. */
        ObservableBooleanValue canExportView(ViewExports.Format format);

        /** True while File → Export table as CSV… has a table to write. */
        ObservableBooleanValue canExportTable();

        void quit();

        void about();

        void shortcuts();
    }

    private MenuBarFactory() {
    }

    static MenuBar create(Actions actions, RecentFiles recent, Optional<SampleCatalog> samples) {
        MenuItem open = item("menu-open", "Open…", actions::openWithChooser);
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem add = item("menu-add-file", "Add file to session…", actions::addFileWithChooser);
        Menu openRecent = new Menu("Open Recent");
        openRecent.setId("menu-recent");
        fillRecent(openRecent, actions, recent);
        recent.files().addListener((ListChangeListener<Path>) c -> fillRecent(openRecent, actions, recent));
        MenuItem png = item("menu-export-png", "Export view as PNG…", () -> actions.exportView(ViewExports.Format.PNG));
        png.disableProperty().bind(javafx.beans.binding.Bindings.not(actions.canExportView(ViewExports.Format.PNG)));
        MenuItem svg = item("menu-export-svg", "Export view as SVG…", () -> actions.exportView(ViewExports.Format.SVG));
        svg.disableProperty().bind(javafx.beans.binding.Bindings.not(actions.canExportView(ViewExports.Format.SVG)));
        MenuItem table = item("menu-export-table", "Export table as CSV…", actions::exportTable);
        table.disableProperty().bind(javafx.beans.binding.Bindings.not(actions.canExportTable()));
        MenuItem quit = item("menu-quit", "Quit", actions::quit);
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        // one item per line: an item is added or moved by one line
        Menu file = new Menu("File", null,
                open,
                add,
                openRecent,
                SampleMenu.create(samples, actions::open),
                new SeparatorMenuItem(),
                png,
                svg,
                table,
                new SeparatorMenuItem(),
                quit);
        file.setId("menu-file");

        MenuItem shortcuts = item("menu-shortcuts", "Keyboard shortcuts", actions::shortcuts);
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        Menu help = new Menu("Help", null, item("menu-about", "About VirtScope", actions::about), shortcuts);
        help.setId("menu-help");
        return new MenuBar(file, help);
    }

    private static void fillRecent(Menu menu, Actions actions, RecentFiles recent) {
        menu.getItems().clear();
        for (Path p : recent.files()) {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            m.setMnemonicParsing(false);
            m.setUserData(p);
            m.setOnAction(e -> actions.open(p));
            menu.getItems().add(m);
        }
        if (!recent.files().isEmpty()) menu.getItems().addAll(new SeparatorMenuItem(), item("menu-recent-clear", "Clear list", recent::clear));
        menu.setDisable(recent.files().isEmpty());
    }

    static MenuItem item(String id, String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }
}
