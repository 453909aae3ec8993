package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.virtscope.Samples;

/**
 * The wiring VirtScopeApp uses — {@link SingleInstance} → {@link FileHandOver} → {@link Windows} — with a
 * running window and a second launch in the same JVM (over loopback, as between two processes): the file
 * of the second launch opens in the running window; a further file opens in a new window and leaves the
 * first trace alone; every window carries the app icons.
 */
@ExtendWith(ApplicationExtension.class)
class SecondLaunchTest {
    /** Upper bound for a delivery and a small load that take milliseconds; a bound, not a measurement. */
    private static final long WAIT_S = 30;

    @TempDir
    Path dir;

    private Preferences prefs;
    private Windows windows;
    private Stage primary;

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("dev/virtscope/test/" + UUID.randomUUID());
        RecentFiles recent = new RecentFiles(prefs);
        windows = new Windows(s -> new MainWindow(s, TraceReader.standard(), recent));
        primary = stage;
        windows.show(stage);
    }

    @AfterEach
    void closeExtraWindowsAndForgetPreferences(FxRobot robot) throws BackingStoreException {
        robot.interact(() -> windows.windows().stream().map(MainWindow::stage).filter(s -> s != primary).forEach(Stage::close));
        prefs.removeNode();
    }

    @Test
    void aSecondLaunchHandsItsFileToTheRunningWindowAndAThirdGetsANewWindow() throws Exception {
        Path state = dir.resolve("virtscope/instance");
        FileHandOver handOver = new FileHandOver();
        BlockingQueue<List<Path>> delivered = new LinkedBlockingQueue<>();
        try (SingleInstance running = SingleInstance.startOrForward(state, List.of(), handOver).orElseThrow()) {
            handOver.ready(Platform::runLater, files -> {
                windows.open(files);
                delivered.add(files);
            });
            Path first = Samples.path("generated/ftrace/trace-variant-tgid.txt");
            Optional<SingleInstance> second = SingleInstance.startOrForward(state, List.of(first),
                    files -> fail("a second launch must not open anything itself"));
            assertTrue(second.isEmpty(), "a window runs: the second launch forwards and ends");
            assertEquals(List.of(first.toAbsolutePath().normalize()), delivered.poll(WAIT_S, TimeUnit.SECONDS));
            MainWindow w0 = windows.windows().get(0);
            WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> w0.session().open() != null);
            assertEquals(1, windows.windows().size(), "the running window showed nothing yet: it took the file");
            assertEquals(first.toAbsolutePath().normalize(), w0.session().open().path().toAbsolutePath().normalize());

            Path other = Samples.path("generated/ftrace/trace-variant-noirqinfo.txt");
            assertTrue(SingleInstance.forward(state, List.of(other)));
            assertEquals(List.of(other.toAbsolutePath().normalize()), delivered.poll(WAIT_S, TimeUnit.SECONDS));
            assertEquals(2, windows.windows().size(), "a trace is open: the next file gets a window of its own");
            MainWindow w1 = windows.windows().get(1);
            WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> w1.session().open() != null);
            assertEquals(other.toAbsolutePath().normalize(), w1.session().open().path().toAbsolutePath().normalize());
            assertEquals(first.toAbsolutePath().normalize(), w0.session().open().path().toAbsolutePath().normalize(), "untouched");

            assertTrue(SingleInstance.forward(state, List.of()), "a launch without files");
            assertEquals(List.of(), delivered.poll(WAIT_S, TimeUnit.SECONDS));
            assertEquals(2, windows.windows().size(), "brings a window forward, opens none");

            for (MainWindow w : windows.windows()) {
                assertEquals(AppIcons.SIZES.length, w.stage().getIcons().size(), "every icon size of app/src/main/resources");
                assertEquals(16, (int) w.stage().getIcons().get(0).getWidth());
                assertEquals(256, (int) w.stage().getIcons().get(AppIcons.SIZES.length - 1).getWidth());
            }
        }
    }
}
