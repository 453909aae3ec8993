package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's place, size, maximised state and dividers come back from preferences, kept on screen. */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {
    private Preferences prefs;
    private Stage stage;

    @Start
    void start(Stage primary) {
        prefs = Preferences.userRoot().node("dev/virtscope/test/" + UUID.randomUUID());
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws BackingStoreException {
        if (stage != null) robot.interact(stage::close);
        prefs.removeNode();
    }

    @Test
    void savedBoundsAndDividersAreRestoredAndSavedAgainOnClose(FxRobot robot) {
        Preferences w = prefs.node("window");
        w.putDouble("x", 60);
        w.putDouble("y", 40);
        w.putDouble("width", 900);
        w.putDouble("height", 600);
        w.put("dividers.main-split", "0.3000");
        w.put("dividers.events-split", "0.6000");
        MainWindow window = open(robot);

        assertEquals(60, stage.getX(), 0.5);
        assertEquals(40, stage.getY(), 0.5);
        assertEquals(900, stage.getWidth(), 0.5);
        assertEquals(600, stage.getHeight(), 0.5);
        List<SplitPane> panes = window.splitPanes();
        assertEquals("main-split", panes.get(0).getId());
        assertEquals(0.3, panes.get(0).getDividerPositions()[0], 0.005, "to the pixel");
        SplitPane events = panes.stream().filter(p -> "events-split".equals(p.getId())).findFirst().orElseThrow();
        assertEquals(0.6, events.getDividerPositions()[0], 0.005);

        robot.interact(() -> {
            stage.setX(120);
            stage.setWidth(1000);
            panes.get(0).setDividerPositions(0.25);
            stage.close();
        });
        assertEquals(120, w.getDouble("x", -1), 0.5);
        assertEquals(1000, w.getDouble("width", -1), 0.5);
        assertEquals("0.2500", w.get("dividers.main-split", null));
        assertTrue(w.get("dividers.latency-split", null) != null, "the tabs' dividers are kept too");
    }

    @Test
    void boundsOffEveryScreenAreMovedAndShrunkOntoThePrimaryScreen(FxRobot robot) {
        Preferences w = prefs.node("window");
        w.putDouble("x", -5000);
        w.putDouble("y", 3000);
        w.putDouble("width", 9000);
        w.putDouble("height", 7000);
        open(robot);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(screen.contains(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()),
                stage.getX() + "," + stage.getY() + " " + stage.getWidth() + "x" + stage.getHeight() + " on " + screen);
        assertEquals(screen.getWidth(), stage.getWidth(), 0.5);
    }

    @Test
    void maximisedIsRestored(FxRobot robot) {
        prefs.node("window").putBoolean("maximised", true);
        open(robot);
        assertTrue(stage.isMaximized());
    }

    @Test
    void clampKeepsARectangleOnScreenAndMovesOneThatIsNot() {
        List<Rectangle2D> screens = List.of(new Rectangle2D(0, 0, 1920, 1050), new Rectangle2D(1920, 0, 1280, 1024));
        Rectangle2D onSecond = new Rectangle2D(2000, 100, 800, 600);
        assertEquals(onSecond, WindowLayout.clamp(onSecond, screens), "on the second screen: kept");
        // mostly on the second screen, hanging off its right edge: pulled back inside it
        assertEquals(new Rectangle2D(2400, 100, 800, 600), WindowLayout.clamp(new Rectangle2D(2900, 100, 800, 600), screens));
        // on no screen: onto the first, shrunk to it
        assertEquals(new Rectangle2D(0, 0, 1920, 1050), WindowLayout.clamp(new Rectangle2D(-9000, -9000, 4000, 3000), screens));
    }

    @Test
    void dividerTextIsReadOnlyWhenItFitsThePane() {
        assertArrayEquals(new double[] {0.25}, WindowLayout.parse("0.2500", 1), 0);
        assertNull(WindowLayout.parse("0.2 0.5", 1), "two positions for one divider");
        assertNull(WindowLayout.parse("1.5", 1), "outside the pane");
        assertNull(WindowLayout.parse("abc", 1));
        assertNull(WindowLayout.parse(null, 1));
    }

    private MainWindow open(FxRobot robot) {
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            stage = new Stage();
            w[0] = new MainWindow(stage, TraceReader.standard(), new RecentFiles(prefs));
            stage.show();
        });
        return w[0];
    }
}
