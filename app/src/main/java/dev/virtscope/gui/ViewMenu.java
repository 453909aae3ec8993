package dev.virtscope.gui;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The View menu: zoom the timeline, the theme, and whether the toolbar and the row tree are shown. */
final class ViewMenu {
    /** The timeline zoom steps the menu and the toolbar share. */
    interface Zoom {
        void zoomToFit();

        void zoomIn();

        void zoomOut();
    }

    private ViewMenu() {
    }

    static Menu create(Zoom zoom, ViewSettings settings) {
        MenuItem fit = MenuBarFactory.item("menu-zoom-fit", "Zoom to fit", zoom::zoomToFit);
        fit.setAccelerator(new KeyCodeCombination(KeyCode.F));
        MenuItem in = MenuBarFactory.item("menu-zoom-in", "Zoom in", zoom::zoomIn);
        in.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY));
        MenuItem out = MenuBarFactory.item("menu-zoom-out", "Zoom out", zoom::zoomOut);
        out.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = radio("menu-theme-light", "Light", Theme.LIGHT, themes);
        RadioMenuItem dark = radio("menu-theme-dark", "Dark", Theme.DARK, themes);
        select(themes, settings.themeProperty().get());
        settings.themeProperty().addListener((o, a, t) -> select(themes, t));
        themes.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) settings.themeProperty().set((Theme) t.getUserData());
        });
        Menu theme = new Menu("Theme", null, light, dark);
        theme.setId("menu-theme");

        CheckMenuItem toolbar = new CheckMenuItem("Show toolbar");
        toolbar.setId("menu-show-toolbar");
        toolbar.selectedProperty().bindBidirectional(settings.toolbarShownProperty());
        CheckMenuItem rows = new CheckMenuItem("Show row tree");
        rows.setId("menu-show-row-tree");
        rows.selectedProperty().bindBidirectional(settings.rowTreeShownProperty());

        Menu view = new Menu("View", null, fit, in, out, new SeparatorMenuItem(), theme, new SeparatorMenuItem(), toolbar, rows);
        view.setId("menu-view");
        return view;
    }

    private static RadioMenuItem radio(String id, String text, Theme t, ToggleGroup group) {
        RadioMenuItem r = new RadioMenuItem(text);
        r.setId(id);
        r.setUserData(t);
        r.setToggleGroup(group);
        return r;
    }

    private static void select(ToggleGroup group, Theme t) {
        group.getToggles().stream().filter(x -> x.getUserData() == t).findFirst().ifPresent(x -> x.setSelected(true));
    }
}
