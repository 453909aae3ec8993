package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.virtscope.Samples;
import dev.virtscope.store.EventStore;
import dev.virtscope.view.timeline.TimelinePainter;
import dev.virtscope.view.timeline.TimelineViewport;

/** The timeline tab on a real sample: keyboard zoom, pan and fit, and selecting by clicking. */
@ExtendWith(ApplicationExtension.class)
class TimelineTabTest {
    private MainWindow window;
    private Preferences prefs;

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

    @Test
    void keysZoomPanAndFitAndAClickSelectsTheEventInTheTable(FxRobot robot) throws Exception {
        Path sample = Samples.path("generated/ftrace/trace-variant-tgid.txt");
        robot.interact(() -> window.open(sample));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.session().open() != null);
        robot.interact(() -> window.tabs().getSelectionModel().select(window.timelineTab()));
        WaitForAsyncUtils.waitForFxEvents();
        TimelineView view = window.timelineTab().view();
        TimelineViewport vp = view.viewport();
        EventStore s = window.session().open().trace().events();
        assertEquals(s.firstNs(), vp.start(), "opens fitted");
        double fitted = vp.nsPerPixel();

        robot.clickOn(view);
        robot.type(KeyCode.W);
        assertEquals(fitted / 2, vp.nsPerPixel(), fitted * 1e-9);
        long start = vp.start();
        robot.type(KeyCode.D);
        assertEquals(start + Math.round(vp.width() / 4.0 * vp.nsPerPixel()), vp.start());
        robot.type(KeyCode.F);
        assertEquals(fitted, vp.nsPerPixel(), fitted * 1e-9);
        assertEquals(s.firstNs(), vp.start());

        // the first event of the trace is drawn at the left edge of its CPU's lane
        int cpu = s.cpu(0);
        double y = TimelinePainter.AXIS_HEIGHT + TimelinePainter.GROUP_HEIGHT + cpu * TimelinePainter.ROW_HEIGHT
                + TimelinePainter.ROW_HEIGHT / 2;
        robot.interact(() -> window.session().selection().eventProperty().set(-1));
        robot.clickOn(view.localToScreen(TimelinePainter.LABEL_WIDTH + 0.5, y));
        int selected = window.session().selection().eventProperty().get();
        assertTrue(selected >= 0, "a click on a tick selects an event");
        assertEquals(cpu, s.cpu(selected));
        assertTrue(s.ts(selected) - s.firstNs() <= 4 * vp.nsPerPixel(), "the event under the pointer");
        assertEquals(selected, window.eventsTab().table().getSelectionModel().getSelectedIndex());

        // Shift+drag selects a time range; the status bar counts the file's events inside it
        double x0 = TimelinePainter.LABEL_WIDTH + vp.width() * 0.25, x1 = TimelinePainter.LABEL_WIDTH + vp.width() * 0.6;
        robot.press(KeyCode.SHIFT).drag(view.localToScreen(x0, y)).dropTo(view.localToScreen(x1, y)).release(KeyCode.SHIFT);
        Selection sel = window.session().selection();
        assertTrue(sel.hasRange());
        long a = sel.rangeStartProperty().get(), b = sel.rangeEndProperty().get();
        assertTrue(a < b);
        long inside = SampleLine.all(sample).stream().filter(l -> l.ns() >= a && l.ns() <= b).count();
        String status = robot.lookup("#status-range").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(status.endsWith(String.format(java.util.Locale.ROOT, ", %,d event%s", inside, inside == 1 ? "" : "s")), status);
        assertEquals(fitted, vp.nsPerPixel(), fitted * 1e-9, "selecting does not zoom");
        robot.type(KeyCode.ESCAPE);
        assertTrue(!sel.hasRange(), "Esc clears the range");
    }
}
