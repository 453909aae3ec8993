package dev.virtscope.gui.flame;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import dev.virtscope.gui.MainWindow;
import dev.virtscope.stack.flame.FlameTree;

/** Drives the flame graph tab of a real window: open a file, wait for its graph, read the canvas. */
final class FlameTabDriver {
    final MainWindow window;
    final FxRobot robot;

    FlameTabDriver(MainWindow window, FxRobot robot) {
        this.window = window;
        this.robot = robot;
    }

    FlameTab tab() {
        return (FlameTab) window.tabs().getTabs().stream().filter(t -> "flame-tab".equals(t.getId())).findFirst().orElseThrow();
    }

    FlameModel model() {
        return tab().model();
    }

    FlameCanvas canvas() {
        return tab().canvas();
    }

    /** Opens file the way File → Open… does, shows the tab and waits until its graph is drawn. */
    void open(Path file) throws TimeoutException {
        robot.interact(() -> window.open(file));
        waitFor(() -> window.session().open() != null && window.session().open().path().equals(file)
                && window.loads().runningProperty().get() == null);
        robot.interact(() -> window.tabs().getSelectionModel().select(tab()));
        settle();
    }

    /** Waits until the newest tree is built and drawn. */
    void settle() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> model().tree() != null && !model().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    FlameTree tree() {
        return model().tree();
    }

    /** Child of node n named name, or -1. */
    int child(int n, String name) {
        FlameTree t = tree();
        for (int k = 0; k < t.childCount(n); k++) if (t.name(t.childAt(n, k)).equals(name)) return t.childAt(n, k);
        return -1;
    }

    /** Canvas pixels, as the screen shows them. */
    PixelReader pixels() {
        Image[] img = new Image[1];
        robot.interact(() -> img[0] = canvas().canvas().snapshot(null, null));
        return img[0].getPixelReader();
    }

    /** Pixels of the canvas with exactly this colour. */
    long countColour(int rgb) {
        PixelReader r = pixels();
        long n = 0;
        int w = (int) canvas().canvas().getWidth(), h = (int) canvas().canvas().getHeight();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) if ((r.getArgb(x, y) & 0xFFFFFF) == rgb) n++;
        return n;
    }

    static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
