package dev.virtscope.gui;

import static dev.virtscope.gui.WindowDriver.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.virtscope.Samples;
import dev.virtscope.view.timeline.TimelinePainter;
import dev.virtscope.view.timeline.TimelineViewport;

/** Timeline keys not covered elsewhere (S, A, +, −), markers A/B with Δ, and table → timeline selection. */
@ExtendWith(ApplicationExtension.class)
class TimelineMarkersTest {
    private static final String SAMPLE = "generated/ftrace/trace-variant-tgid.txt";
    private MainWindow window;
    private Preferences prefs;
    private TimelineView view;
    private TimelineViewport vp;

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("dev/virtscope/test/" + UUID.randomUUID());
        window = new MainWindow(stage, TraceReader.standard(), new RecentFiles(prefs));
        stage.show();
    }

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        WindowDriver.openAndWait(robot, window, Samples.path(SAMPLE));
        robot.interact(() -> window.tabs().getSelectionModel().select(window.timelineTab()));
        WaitForAsyncUtils.waitForFxEvents();
        view = window.timelineTab().view();
        vp = view.viewport();
    }

    @AfterEach
    void forgetPreferences() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void zoomOutPanLeftAndPlusMinusKeys(FxRobot robot) {
        double fitted = vp.nsPerPixel();
        robot.clickOn(view);
        robot.type(KeyCode.S);
        assertEquals(fitted * 2, vp.nsPerPixel(), fitted * 1e-9, "S zooms out");
        robot.type(KeyCode.F);
        robot.type(KeyCode.ADD);
        assertEquals(fitted / 2, vp.nsPerPixel(), fitted * 1e-9, "+ zooms in");
        long start = vp.start();
        robot.type(KeyCode.A);
        assertEquals(start - Math.round(vp.width() / 4.0 * vp.nsPerPixel()), vp.start(), "A pans a quarter width earlier");
        robot.type(KeyCode.LEFT);
        assertEquals(start - 2 * Math.round(vp.width() / 4.0 * vp.nsPerPixel()), vp.start(), "← too");
        robot.type(KeyCode.MINUS);
        assertEquals(fitted, vp.nsPerPixel(), fitted * 1e-9, "− zooms out");
    }

    @Test
    void clickSetsMarkerAShiftClickSetsBAndTheStatusBarShowsDelta(FxRobot robot) throws Exception {
        List<SampleLine> lines = SampleLine.all(Samples.path(SAMPLE));
        // an empty stretch of a lane: the vCPU 1 row (4 events) at a third of the window
        int vcpu1Row = window.timelineTab().view().rows().size() - 1;
        double y = TimelinePainter.AXIS_HEIGHT + 2 * TimelinePainter.GROUP_HEIGHT + vcpu1Row * TimelinePainter.ROW_HEIGHT
                + TimelinePainter.ROW_HEIGHT / 2;
        double xa = TimelinePainter.LABEL_WIDTH + vp.width() / 3.0, xb = TimelinePainter.LABEL_WIDTH + vp.width() * 0.75;
        robot.clickOn(view.localToScreen(xa, y));
        robot.press(KeyCode.SHIFT).clickOn(view.localToScreen(xb, y)).release(KeyCode.SHIFT);
        Markers m = window.session().markers();
        long a = m.aProperty().get(), b = m.bProperty().get();
        long first = lines.get(0).ns();
        double perPx = vp.nsPerPixel();
        assertTrue(Math.abs(a - (first + (xa - TimelinePainter.LABEL_WIDTH) * perPx)) <= 4 * perPx, "A where clicked");
        assertTrue(Math.abs(b - (first + (xb - TimelinePainter.LABEL_WIDTH) * perPx)) <= 4 * perPx, "B where Shift+clicked");
        assertTrue(!window.session().selection().hasRange(), "a Shift+click is not a range");

        TimeText time = window.session().open().time();
        String status = label(robot, "#status-markers");
        assertEquals("A " + time.absolute(a) + "  B " + time.absolute(b) + "  Δ " + time.duration(b - a), status);
        // the status bar's Δ is the distance between the two click positions, to within the pixels' width
        double clickedNs = (xb - xa) * perPx;
        assertTrue(Math.abs((b - a) - clickedNs) <= 8 * perPx, status);

        robot.moveTo(view.localToScreen(xa, y));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(label(robot, "#status-cursor").startsWith("cursor " + time.absolute(a).substring(0, 6)), label(robot, "#status-cursor"));
    }

    @Test
    void selectingARowInTheTableMovesTheTimelineToIt(FxRobot robot) {
        robot.clickOn(view);
        for (int k = 0; k < 8; k++) robot.type(KeyCode.W);
        assertTrue(vp.end() < window.session().open().trace().events().lastNs(), "zoomed in: the last event is out of view");
        int last = window.session().open().trace().events().size() - 1;
        robot.interact(() -> window.tabs().getSelectionModel().select(window.eventsTab()));
        robot.interact(() -> {
            window.eventsTab().table().getSelectionModel().select(last);
            window.eventsTab().table().scrollTo(last);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(last, window.session().selection().eventProperty().get());
        long t = window.session().open().trace().events().ts(last);
        assertTrue(vp.start() <= t && t < vp.end(), "the timeline shows the selected event");
    }
}
