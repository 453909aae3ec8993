package dev.virtscope.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.stage.Stage;

/**
 * The open main windows of the one VirtScope process. Files named at start and files handed over by later
 * launches ({@link SingleInstance}, {@link FileHandOver}) come here on the UI thread: they open in a window
 * that shows nothing yet, else in a new window, so a trace being read is never replaced by a double-click.
 * A window holds one trace: of several files, the first opens and the others go to Open Recent, as at start.
 */
final class Windows {
    private final Function<Stage, MainWindow> factory;
    private final List<MainWindow> open = new ArrayList<>();

    Windows(Function<Stage, MainWindow> factory) {
        this.factory = factory;
    }

    /** Makes a main window on {@code stage} (the primary stage at start), with the app icons, and shows it. */
    MainWindow show(Stage stage) {
        MainWindow w = factory.apply(stage);
        AppIcons.apply(stage);
        open.add(w);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> open.remove(w));
        stage.show();
        return w;
    }

    /** What a launch with these files does; a launch without files brings a window to the front. */
    void open(List<Path> files) {
        if (files.isEmpty()) {
            front(open.isEmpty() ? show(new Stage()) : open.get(open.size() - 1));
            return;
        }
        MainWindow w = idle();
        if (w == null) w = show(new Stage());
        for (int i = files.size() - 1; i >= 1; i--) w.recentFiles().add(files.get(i));
        w.open(files.get(0));
        front(w);
    }

    List<MainWindow> windows() {
        return List.copyOf(open);
    }

    private MainWindow idle() {
        for (MainWindow w : open) if (w.session().open() == null && w.loads().runningProperty().get() == null) return w;
        return null;
    }

    private static void front(MainWindow w) {
        Stage s = w.stage();
        if (s.isIconified()) s.setIconified(false);
        s.toFront();
        s.requestFocus();
    }
}
