package dev.virtscope.gui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the View menu chooses — the theme, whether the toolbar and the row tree are shown — kept in
 * user preferences (a node of its own, as {@link RecentFiles} keeps its list) so a restart looks the
 * same. Each change is written at once.
 */
public final class ViewSettings {
    private static final String THEME = "theme", TOOLBAR = "toolbar", ROW_TREE = "rowTree";

    private final Preferences node;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final BooleanProperty toolbar = new SimpleBooleanProperty(this, "toolbar");
    private final BooleanProperty rowTree = new SimpleBooleanProperty(this, "rowTree");

    public ViewSettings(Preferences node) {
        this.node = node;
        theme.set(Theme.parse(node.get(THEME, Theme.LIGHT.name())));
        toolbar.set(node.getBoolean(TOOLBAR, true));
        rowTree.set(node.getBoolean(ROW_TREE, true));
        theme.addListener((o, a, t) -> {
            if (t == null) theme.set(Theme.LIGHT);
            else save(() -> node.put(THEME, t.name()));
        });
        toolbar.addListener((o, a, on) -> save(() -> node.putBoolean(TOOLBAR, on)));
        rowTree.addListener((o, a, on) -> save(() -> node.putBoolean(ROW_TREE, on)));
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty toolbarShownProperty() {
        return toolbar;
    }

    public BooleanProperty rowTreeShownProperty() {
        return rowTree;
    }

    private void save(Runnable put) {
        try {
            put.run();
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // the choice still holds in this window; it just will not survive a restart
            System.err.println("virtscope: cannot save view preferences: " + e.getMessage());
        }
    }
}
