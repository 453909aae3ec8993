package dev.virtscope.gui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * File → Open sample: one submenu per folder of the bundled samples ({@link SampleCatalog}), each
 * item opening that file; disabled when this installation has no samples folder (a package install).
 */
final class SampleMenu {
    private SampleMenu() {
    }

    static Menu create(Optional<SampleCatalog> samples, Consumer<Path> open) {
        Menu menu = new Menu("Open sample");
        menu.setId("menu-open-sample");
        String kind = null;
        for (SampleCatalog.Folder f : samples.map(SampleCatalog::folders).orElse(java.util.List.of())) {
            String k = f.name().split("/")[0];
            if (kind != null && !kind.equals(k)) menu.getItems().add(new SeparatorMenuItem());
            kind = k;
            Menu folder = new Menu(f.name());
            folder.setMnemonicParsing(false);
            folder.setUserData(f.name());
            for (Path p : f.files()) {
                MenuItem m = new MenuItem(p.getFileName().toString());
                m.setMnemonicParsing(false);
                m.setUserData(p);
                m.setOnAction(e -> open.accept(p));
                folder.getItems().add(m);
            }
            menu.getItems().add(folder);
        }
        menu.setDisable(menu.getItems().isEmpty());
        return menu;
    }
}
