package dev.virtscope.gui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/**
 * The toolbar under the menu bar: the common actions of the menus, each with a tooltip naming the
 * menu item and its key. Hidden and shown by View → Show toolbar.
 */
final class MainToolbar extends ToolBar {
    /** What the buttons do: the same actions as the menu items. */
    interface Actions extends ViewMenu.Zoom {
        void openWithChooser();

        void exportView(ViewExports.Format format);

        ObservableBooleanValue canExportView(ViewExports.Format format);

        ObservableBooleanValue traceOpen();
    }

    MainToolbar(Actions actions, ViewSettings settings) {
        setId("main-toolbar");
        Button open = button("toolbar-open", "Open…", "Open a trace file (File → Open…, Ctrl+O)", actions::openWithChooser);
        Button export = button("toolbar-export", "Export view…", "Save the selected tab's picture as PNG (File → Export view as PNG…)",
                () -> actions.exportView(ViewExports.Format.PNG));
        export.disableProperty().bind(Bindings.not(actions.canExportView(ViewExports.Format.PNG)));
        Button fit = button("toolbar-fit", "Fit", "Show the whole trace in the timeline (View → Zoom to fit, F)", actions::zoomToFit);
        Button in = button("toolbar-zoom-in", "Zoom in", "Halve the timeline's time window (View → Zoom in, Ctrl+=)", actions::zoomIn);
        Button out = button("toolbar-zoom-out", "Zoom out", "Double the timeline's time window (View → Zoom out, Ctrl+−)", actions::zoomOut);
        for (Button b : new Button[] {fit, in, out}) b.disableProperty().bind(Bindings.not(actions.traceOpen()));
        Button theme = button("toolbar-theme", "", "", () -> settings.themeProperty().set(settings.themeProperty().get().other()));
        Runnable label = () -> {
            boolean dark = settings.themeProperty().get() == Theme.DARK;
            theme.setText(dark ? "Light theme" : "Dark theme");
            theme.getTooltip().setText("Switch to the " + (dark ? "light" : "dark") + " theme (View → Theme)");
        };
        settings.themeProperty().addListener((o, a, t) -> label.run());
        label.run();
        getItems().addAll(open, export, new Separator(Orientation.VERTICAL), fit, in, out, new Separator(Orientation.VERTICAL), theme);
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false); // keys stay with the view the user was in
        b.setOnAction(e -> action.run());
        return b;
    }
}
