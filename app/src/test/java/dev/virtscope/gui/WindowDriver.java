package dev.virtscope.gui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tukaani.xz.XZInputStream;

/** Shared steps of the window tests: open a file and wait, wait for a filter, read a label. */
final class WindowDriver {
    private WindowDriver() {
    }

    static void openAndWait(FxRobot robot, MainWindow window, Path file) throws TimeoutException {
        robot.interact(() -> window.open(file));
        waitFor(() -> fx(() -> window.session().open() != null && window.session().open().path().equals(file)
                && window.loads().runningProperty().get() == null && !window.fillingProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the Events tab's filter has finished. */
    static void filtered(MainWindow window) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> fx(() -> !window.eventsTab().toolbar().filteringProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.Labeled.class).getText();
    }

    /** The lines of a sample, decompressing .xz. */
    static List<String> lines(Path file) throws IOException {
        if (!file.toString().endsWith(".xz")) return Files.readAllLines(file);
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new XZInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) out.add(l);
        }
        return out;
    }
}
