package dev.virtscope.gui;

import java.io.File;
import java.util.function.Supplier;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Adds the session items to the File menu after Open sample: Open session…, Save session…, Restore last session on start. */
final class SessionMenu {
    private SessionMenu() {
    }

    static void install(MenuBar bar, SessionKeeper keeper, Supplier<Window> owner) {
        Menu file = bar.getMenus().stream().filter(m -> "menu-file".equals(m.getId())).findFirst().orElseThrow();
        MenuItem open = new MenuItem("Open session…");
        open.setId("menu-open-session");
        open.setOnAction(e -> {
            File f = chooser("Open session").showOpenDialog(owner.get());
            if (f != null) keeper.open(f.toPath());
        });
        MenuItem save = new MenuItem("Save session…");
        save.setId("menu-save-session");
        save.setOnAction(e -> {
            FileChooser c = chooser("Save session");
            c.setInitialFileName("session.vsession");
            File f = c.showSaveDialog(owner.get());
            if (f != null) keeper.save(f.toPath());
        });
        CheckMenuItem restore = new CheckMenuItem("Restore last session on start");
        restore.setId("menu-restore-session");
        restore.selectedProperty().bindBidirectional(keeper.restoreOnStartProperty());
        // after Open sample, before the exports
        int at = 0;
        while (at < file.getItems().size() && !"menu-open-sample".equals(file.getItems().get(at).getId())) at++;
        at = Math.min(at + 1, file.getItems().size());
        file.getItems().addAll(at, java.util.List.of(new SeparatorMenuItem(), open, save, restore));
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("VirtScope session", "*.vsession"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }
}
