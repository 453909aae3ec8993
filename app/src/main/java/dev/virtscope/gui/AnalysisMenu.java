package dev.virtscope.gui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The Analysis menu: one item per view tab (Ctrl+1 … Ctrl+5, in the tabs' order), the Latency tab's
 * start/end pairing dialog, and the list of warnings and lost events.
 */
final class AnalysisMenu {
    /** What the last two items do. */
    interface Actions {
        void pairEvents();

        void showWarnings();

        /** True while a trace is open (the two items need one). */
        ObservableBooleanValue traceOpen();
    }

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
        KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private AnalysisMenu() {
    }

    static Menu create(TabPane tabs, Actions actions) {
        Menu menu = new Menu("Analysis");
        menu.setId("menu-analysis");
        int i = 0;
        for (Tab t : tabs.getTabs()) {
            MenuItem m = MenuBarFactory.item("menu-show-" + t.getId(), t.getText(), () -> tabs.getSelectionModel().select(t));
            if (i < DIGITS.length) m.setAccelerator(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN));
            menu.getItems().add(m);
            i++;
        }
        MenuItem pair = MenuBarFactory.item("menu-pair-events", "Pair start/end events…", actions::pairEvents);
        MenuItem warnings = MenuBarFactory.item("menu-warnings", "Warnings and lost events…", actions::showWarnings);
        pair.disableProperty().bind(javafx.beans.binding.Bindings.not(actions.traceOpen()));
        warnings.disableProperty().bind(javafx.beans.binding.Bindings.not(actions.traceOpen()));
        menu.getItems().addAll(new SeparatorMenuItem(), pair, warnings);
        return menu;
    }
}
