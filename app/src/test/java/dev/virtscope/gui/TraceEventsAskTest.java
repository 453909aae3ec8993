package dev.virtscope.gui;

import static dev.virtscope.gui.WindowDriver.fx;
import static dev.virtscope.gui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

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
import dev.virtscope.store.Trace;

/**
 * A binary QEMU simpletrace names its events by number: opened without a trace-events file beside
 * it, the window asks for one (the file chooser is replaced by a stub here) and loads again with it.
 * The sample's trace-events file sits one folder up under a versioned name, so it is not found by itself.
 */
@ExtendWith(ApplicationExtension.class)
class TraceEventsAskTest {
    private static final String DIR = "generated/qemu-simpletrace/";
    private MainWindow window;
    private Preferences prefs;
    private final List<Path> asked = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("dev/virtscope/test/" + UUID.randomUUID());
        window = new MainWindow(stage, TraceReader.standard(), new RecentFiles(prefs));
        stage.show();
    }

    @AfterEach
    void forgetPreferences() throws BackingStoreException {
        prefs.removeNode();
    }

    private static Path simpletrace() {
        return Samples.path(DIR + "tcg-linux-smp2-fullboot/trace-20268.xz");
    }

    private static Path traceEvents() {
        return Samples.path(DIR + "trace-events-all-8.2.0");
    }

    /** The chooser stub: records the question, answers with answer (null: the user cancelled). */
    private void answer(FxRobot robot, Path answer) {
        robot.interact(() -> window.loads().setTraceEventsAsk(trace -> {
            asked.add(trace);
            return answer;
        }));
    }

    @Test
    void theChosenTraceEventsFileDecodesTheTrace(FxRobot robot, @TempDir Path tmp) throws Exception {
        // simpletrace.py's text of the same file: one line per event
        long events = WindowDriver.lines(Samples.path(DIR + "tcg-linux-smp2-fullboot/simpletrace-output.txt.xz")).stream()
                .filter(l -> !l.isBlank()).count();
        answer(robot, traceEvents());
        WindowDriver.openAndWait(robot, window, simpletrace());
        assertEquals(List.of(simpletrace()), asked, "asked once, for this trace");
        assertEquals(events, window.session().open().trace().events().size());
        assertEquals(events, window.eventsTab().table().getItems().size());
        assertEquals(List.of(traceEvents()), window.session().open().files().get(0).options().traceEvents());
        assertNull(window.loads().lastFailureProperty().get(), "no error shown");

        // a saved session remembers the file: reopening it asks nothing
        Path session = tmp.resolve("simple.vsession");
        assertTrue(fx(() -> window.sessions().save(session)));
        WindowDriver.openAndWait(robot, window, Samples.path("generated/ftrace/trace-variant-tgid.txt"));
        asked.clear();
        robot.interact(() -> window.open(session));
        waitFor(() -> fx(() -> window.session().open().path().equals(simpletrace().toAbsolutePath())
                && window.loads().runningProperty().get() == null));
        assertEquals(List.of(), asked);
        assertEquals(events, window.session().open().trace().events().size());
    }

    @Test
    void cancellingTheChooserLeavesTheOpenTraceAsItWas(FxRobot robot) throws Exception {
        WindowDriver.openAndWait(robot, window, Samples.path("generated/ftrace/trace-variant-tgid.txt"));
        Trace before = window.session().open().trace();
        answer(robot, null);
        robot.interact(() -> window.open(simpletrace()));
        waitFor(() -> !asked.isEmpty() && fx(() -> window.loads().runningProperty().get() == null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(simpletrace()), asked);
        assertSame(before, window.session().open().trace());
        assertNull(window.loads().lastFailureProperty().get(), "a cancel is not an error");
        assertTrue(robot.lookup("#load-error").queryAll().isEmpty(), "no error dialog");
    }
}
