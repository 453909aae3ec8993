package dev.virtscope.gui;

import java.nio.file.Path;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Builds the menu bar; every item calls one of the window's {@link Actions}. */
final class MenuBarFactory {
    /** What the menus do. */
    interface Actions {
        void openWithChooser();

        /** File → Add file to session…: one more file shown with the open ones. */
        void addFileWithChooser();

        void open(Path file);

        void exportTimeline();

        void exportView();

        void exportTable();

        void quit();

        void about();

        void shortcuts();
    }

    private MenuBarFactory() {
    }

    static MenuBar create(Actions actions, RecentFiles recent) {
        MenuItem open = item("menu-open", "Open…", actions::openWithChooser);
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem add = item("menu-add-file", "Add file to session…", actions::addFileWithChooser);
        Menu openRecent = new Menu("Open Recent");
        openRecent.setId("menu-recent");
        fillRecent(openRecent, actions, recent);
        recent.files().addListener((ListChangeListener<Path>) c -> fillRecent(openRecent, actions, recent));
        MenuItem quit = item("menu-quit", "Quit", actions::quit);
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        MenuItem export = item("menu-export-timeline", "Export timeline as PNG/SVG…", actions::exportTimeline);
        MenuItem view = item("menu-export-view", "Export view as PNG/SVG…", actions::exportView);
        MenuItem table = item("menu-export-table", "Export table as CSV…", actions::exportTable);
        Menu file = new Menu("File", null, open, add, openRecent, new SeparatorMenuItem(), export, view, table, new SeparatorMenuItem(), quit);
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

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }
}
