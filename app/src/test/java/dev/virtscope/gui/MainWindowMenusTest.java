package dev.virtscope.gui;

import static dev.virtscope.gui.WindowDriver.fx;
import static dev.virtscope.gui.WindowDriver.openAndWait;
import static dev.virtscope.gui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
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
import dev.virtscope.view.timeline.TimelineViewport;

/** The menu bar, the toolbar, the theme and the status bar's links, on real samples. */
@ExtendWith(ApplicationExtension.class)
class MainWindowMenusTest {
    private static final String SAMPLE = "generated/ftrace/trace-variant-tgid.txt";
    private static final String KVM_SAMPLE = "captured/nested/nested-svm-inner-smp2-secs5.ftrace.txt.xz";

    private MainWindow window;
    private Preferences prefs;
    private final List<Stage> extraStages = new ArrayList<>();

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("dev/virtscope/test/" + UUID.randomUUID());
        window = new MainWindow(stage, TraceReader.standard(), new RecentFiles(prefs));
        stage.show();
    }

    @AfterEach
    void forgetPreferences(FxRobot robot) throws BackingStoreException {
        robot.interact(() -> extraStages.forEach(Stage::close));
        prefs.removeNode();
    }

    @Test
    void menuBarHasFileViewAnalysisHelpWithTheirItemsInOrder(FxRobot robot) {
        MenuBar bar = bar(robot);
        assertEquals(List.of("File", "View", "Analysis", "Help"), bar.getMenus().stream().map(Menu::getText).toList());
        // separators have no id
        assertEquals(Arrays.asList("menu-open", "menu-add-file", "menu-recent", "menu-open-sample", null, "menu-open-session", "menu-save-session",
                "menu-restore-session", null, "menu-export-png", "menu-export-svg", "menu-export-table", null, "menu-quit"),
                bar.getMenus().get(0).getItems().stream().map(MenuItem::getId).toList());
        assertEquals(Arrays.asList("menu-zoom-fit", "menu-zoom-in", "menu-zoom-out", null, "menu-theme", null, "menu-show-toolbar",
                "menu-show-row-tree"), bar.getMenus().get(1).getItems().stream().map(MenuItem::getId).toList());
        assertEquals(List.of("Events", "Timeline", "Latency", "Flame graph", "KVM stats", "Pair start/end events…",
                "Warnings and lost events…"), bar.getMenus().get(2).getItems().stream().map(MenuItem::getText)
                .filter(t -> t != null && !t.isEmpty()).toList());
        assertEquals("F", item(robot, "menu-zoom-fit").getAccelerator().getName());
        assertTrue(item(robot, "menu-export-png").isDisable(), "nothing to export before a trace is open");
        assertTrue(item(robot, "menu-warnings").isDisable());
    }

    @Test
    void viewMenuZoomsTheTimelineInOutAndToFit(FxRobot robot) throws Exception {
        Path sample = Samples.path(SAMPLE);
        List<SampleLine> lines = SampleLine.all(sample);
        long first = lines.stream().mapToLong(SampleLine::ns).min().orElseThrow();
        long last = lines.stream().mapToLong(SampleLine::ns).max().orElseThrow();
        openAndWait(robot, window, sample);
        TimelineViewport vp = window.timelineTab().view().viewport();
        assertSame(window.eventsTab(), selectedTab());

        robot.clickOn("View").clickOn("#menu-zoom-in");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(window.timelineTab(), selectedTab(), "zooming shows the timeline");
        double fitted = (last - first + 1) / (double) vp.width();
        assertEquals(fitted / 2, vp.nsPerPixel(), fitted * 1e-9, "Zoom in halves the time window");
        assertTrue(vp.end() - vp.start() < (last - first) * 0.51, "visible range halved");

        robot.clickOn("View").clickOn("#menu-zoom-out");
        robot.clickOn("View").clickOn("#menu-zoom-out");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted * 2, vp.nsPerPixel(), fitted * 1e-9);

        robot.clickOn("View").clickOn("#menu-zoom-fit");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, vp.start());
        assertEquals(fitted, vp.nsPerPixel(), fitted * 1e-9);
    }

    @Test
    void zoomToFitKeyDoesNotTakeLettersTypedIntoAField(FxRobot robot) throws Exception {
        openAndWait(robot, window, Samples.path(SAMPLE));
        TimelineViewport vp = window.timelineTab().view().viewport();
        robot.interact(() -> window.tabs().getSelectionModel().select(window.timelineTab()));
        robot.interact(() -> window.timelineTab().view().zoomIn());
        double zoomed = vp.nsPerPixel();
        robot.interact(() -> window.tabs().getSelectionModel().select(window.eventsTab()));
        TextField find = robot.lookup("#filter-text").queryAs(TextField.class);
        robot.clickOn(find).write("fx");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("fx", find.getText());
        assertSame(window.eventsTab(), selectedTab());
        assertEquals(zoomed, vp.nsPerPixel(), 0, "no fit while typing");
    }

    @Test
    void analysisMenuSelectsEachTabAndCtrlDigitsDoToo(FxRobot robot) {
        java.util.Map<String, String> tabIds = java.util.Map.of("Timeline", "timeline-tab", "Latency", "latency-tab",
                "Flame graph", "flame-tab", "KVM stats", "kvm-stats-tab", "Events", "events-tab");
        for (String name : List.of("Timeline", "Latency", "Flame graph", "KVM stats", "Events")) {
            robot.clickOn("Analysis").clickOn("#menu-show-" + tabIds.get(name));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(name, selectedTab().getText());
        }
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(window.latencyTab(), selectedTab());
    }

    @Test
    void analysisPairEventsOpensTheLatencyTabsPairingDialog(FxRobot robot) throws Exception {
        openAndWait(robot, window, Samples.path(KVM_SAMPLE));
        robot.clickOn("Analysis").clickOn("#menu-pair-events");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(window.latencyTab(), selectedTab());
        javafx.scene.control.ComboBox<?> start = robot.lookup("#pair-start").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals("kvm_exit", start.getValue(), "the capture has kvm_exit / kvm_entry: the default pair");
        robot.interact(() -> start.getScene().getWindow().hide());
    }

    @Test
    void openSampleListsTheBundledSamplesByFolderAndOpensOne(FxRobot robot) throws Exception {
        Menu samples = (Menu) item(robot, "menu-open-sample");
        assertFalse(samples.isDisable());
        Menu nested = folder(samples, "captured/nested");
        List<String> names = nested.getItems().stream().map(MenuItem::getText).toList();
        // samples/README.md: the reference captures; their perf stat and per-CPU stat notes are not traces
        for (String ref : List.of("nested-svm-inner-smp2-secs5.ftrace.txt.xz", "nested-svm-inner-smp2-secs5.report.txt.xz",
                "nested-svm-inner-smp2-secs5.trace.dat")) assertTrue(names.contains(ref), ref + " in " + names);
        assertFalse(names.contains("nested-svm-inner-smp2-secs5.percpu-stats.txt"));
        assertFalse(names.contains("nested-svm-inner-smp2-secs5.perf-stat.txt"));
        assertTrue(samples.getItems().stream().noneMatch(m -> m.getText() != null && m.getText().endsWith(".md")));
        List<String> folders = samples.getItems().stream().filter(m -> m instanceof Menu).map(MenuItem::getText).toList();
        assertEquals("captured", folders.get(0).split("/")[0], "captured first");
        assertTrue(folders.contains("generated/ftrace") && folders.contains("public/trappy"), folders.toString());

        Path tgid = Samples.path(SAMPLE);
        MenuItem open = folder(samples, "generated/ftrace").getItems().stream()
                .filter(m -> tgid.getFileName().toString().equals(m.getText())).findFirst().orElseThrow();
        robot.interact(open::fire);
        waitFor(() -> fx(() -> window.session().open() != null && window.loads().runningProperty().get() == null));
        assertEquals(tgid.toRealPath(), window.session().open().path().toRealPath());
    }

    @Test
    void openSampleIsDisabledWithoutASamplesFolder(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("samples/notes"));
        assertTrue(SampleCatalog.findAbove(List.of(tmp)).isEmpty(), "a samples folder without captured/generated/public is not ours");
        Menu menu = WaitForAsyncUtils.asyncFx(() -> SampleMenu.create(SampleCatalog.findAbove(List.of(tmp)), p -> { })).get();
        assertTrue(menu.isDisable());
        assertTrue(menu.getItems().isEmpty());
    }

    @Test
    void toolbarButtonsHaveTooltipsAndActLikeTheMenus(FxRobot robot) throws Exception {
        ToolBar bar = robot.lookup("#main-toolbar").queryAs(ToolBar.class);
        for (String id : List.of("#toolbar-open", "#toolbar-export", "#toolbar-fit", "#toolbar-zoom-in", "#toolbar-zoom-out", "#toolbar-theme")) {
            Button b = robot.from(bar).lookup(id).queryAs(Button.class);
            assertNotNull(b.getTooltip(), id);
            assertFalse(b.getTooltip().getText().isBlank(), id);
        }
        assertTrue(button(robot, "#toolbar-export").isDisable(), "no trace yet");
        assertFalse(button(robot, "#toolbar-open").isDisable());

        Path sample = Samples.path(SAMPLE);
        openAndWait(robot, window, sample);
        assertFalse(button(robot, "#toolbar-export").isDisable());
        TimelineViewport vp = window.timelineTab().view().viewport();
        robot.clickOn("#toolbar-zoom-in");
        WaitForAsyncUtils.waitForFxEvents();
        long first = SampleLine.all(sample).stream().mapToLong(SampleLine::ns).min().orElseThrow();
        long last = SampleLine.all(sample).stream().mapToLong(SampleLine::ns).max().orElseThrow();
        double fitted = (last - first + 1) / (double) vp.width();
        assertEquals(fitted / 2, vp.nsPerPixel(), fitted * 1e-9);
        robot.clickOn("#toolbar-zoom-out").clickOn("#toolbar-zoom-out");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted * 2, vp.nsPerPixel(), fitted * 1e-9);
        robot.clickOn("#toolbar-fit");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, vp.start());

        robot.clickOn("#toolbar-theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(Theme.DARK, window.viewSettings().themeProperty().get());
        assertEquals("Light theme", button(robot, "#toolbar-theme").getText());
        robot.clickOn("#toolbar-theme");
        assertSame(Theme.LIGHT, window.viewSettings().themeProperty().get());
    }

    @Test
    void darkThemeAppliesTheStylesheetAndCanvasColoursAndIsRestoredOnStart(FxRobot robot) throws Exception {
        openAndWait(robot, window, Samples.path(SAMPLE));
        robot.interact(() -> window.tabs().getSelectionModel().select(window.timelineTab()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(brightness(robot, window) > 0.8, "light page at first");
        assertFalse(hasDarkSheet(window), "light by default");

        // what a click on View → Theme → Dark does (a submenu's popup cannot be clicked on Monocle)
        javafx.scene.control.RadioMenuItem dark = (javafx.scene.control.RadioMenuItem) item(robot, "menu-theme-dark");
        javafx.scene.control.RadioMenuItem light = (javafx.scene.control.RadioMenuItem) item(robot, "menu-theme-light");
        assertTrue(light.isSelected());
        robot.interact(() -> dark.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(light.isSelected(), "one theme at a time");
        assertTrue(hasDarkSheet(window));
        assertTrue(brightness(robot, window) < 0.25, "the timeline canvas follows");
        assertEquals("DARK", prefs.node("view").get("theme", null), "kept in preferences");
        robot.interact(() -> window.showWarnings());
        DialogPane warnings = robot.lookup("#warnings-dialog").queryAs(DialogPane.class);
        assertTrue(warnings.getStylesheets().stream().anyMatch(s -> s.endsWith("/dark.css")), "dialogs take the theme too");
        robot.interact(() -> warnings.getScene().getWindow().hide());

        MainWindow[] again = new MainWindow[1];
        robot.interact(() -> {
            Stage second = new Stage();
            again[0] = new MainWindow(second, TraceReader.standard(), new RecentFiles(prefs));
            second.show();
            extraStages.add(second);
        });
        assertSame(Theme.DARK, again[0].viewSettings().themeProperty().get());
        assertTrue(hasDarkSheet(again[0]), "restored on start");

        robot.interact(() -> window.viewSettings().themeProperty().set(Theme.LIGHT));
        assertFalse(hasDarkSheet(window));
        assertTrue(light.isSelected(), "the menu follows the toolbar's switch");
        assertEquals("LIGHT", prefs.node("view").get("theme", null));
    }

    @Test
    void viewMenuHidesAndShowsTheToolbarAndTheRowTree(FxRobot robot) {
        ToolBar bar = robot.lookup("#main-toolbar").queryAs(ToolBar.class);
        CheckMenuItem toolbar = (CheckMenuItem) item(robot, "menu-show-toolbar");
        assertTrue(toolbar.isSelected() && bar.isVisible());
        robot.clickOn("View").clickOn("Show toolbar");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(toolbar.isSelected());
        assertFalse(bar.isVisible());
        assertFalse(bar.isManaged(), "takes no room");
        assertFalse(prefs.node("view").getBoolean("toolbar", true));

        javafx.scene.control.SplitPane main = window.splitPanes().get(0);
        robot.interact(() -> main.setDividerPositions(0.3));
        CheckMenuItem rows = (CheckMenuItem) item(robot, "menu-show-row-tree");
        robot.clickOn("View").clickOn("Show row tree");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(rows.isSelected());
        assertEquals(List.of(window.tabs()), main.getItems());
        assertFalse(prefs.node("view").getBoolean("rowTree", true));
        robot.clickOn("View").clickOn("Show row tree");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(window.rowPanel(), window.tabs()), main.getItems());
        assertEquals(0.3, main.getDividerPositions()[0], 0.01, "comes back where it was");
        robot.clickOn("View").clickOn("Show toolbar");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(bar.isVisible());
    }

    @Test
    void statusBarLinksOpenTheWarningsDialogWithLostEventMarkers(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path sample = Samples.path("generated/ftrace/trace-variant-smallbuf.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(sample));
        lines.add(20, "this line is not an event");
        Path damaged = tmp.resolve("smallbuf-damaged.txt");
        Files.write(damaged, lines);
        // the test's own count of the markers: a ring-buffer overwrite in the header, then each "buffer started" line
        String header = lines.stream().filter(l -> l.contains("entries-in-buffer/entries-written")).findFirst().orElseThrow();
        String[] ab = header.replaceAll(".*written: (\\d+)/(\\d+).*", "$1 $2").split(" ");
        long started = lines.stream().filter(l -> l.startsWith("#####") && l.contains("buffer started")).count();
        long markers = (Long.parseLong(ab[0]) < Long.parseLong(ab[1]) ? 1 : 0) + started;
        assertTrue(markers > 0);
        openAndWait(robot, window, damaged);

        robot.clickOn("#status-lost");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup("#warnings-dialog").queryAs(DialogPane.class);
        TabPane pages = (TabPane) dialog.getContent();
        assertEquals("lost-events-page", pages.getSelectionModel().getSelectedItem().getId());
        assertEquals(markers, robot.lookup("#lost-events-table").queryAs(TableView.class).getItems().size());
        assertTrue(dialog.getHeaderText().contains(markers + " lost-event marker"), dialog.getHeaderText());
        robot.interact(() -> dialog.getScene().getWindow().hide());

        robot.clickOn("#status-warnings");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane again = robot.lookup("#warnings-dialog").queryAs(DialogPane.class);
        assertEquals("warnings-page", ((TabPane) again.getContent()).getSelectionModel().getSelectedItem().getId());
        assertEquals(1, robot.lookup("#warnings-table").queryAs(TableView.class).getItems().size());
        robot.interact(() -> again.getScene().getWindow().hide());

        robot.clickOn("Analysis").clickOn("#menu-warnings");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane fromMenu = robot.lookup("#warnings-dialog").queryAs(DialogPane.class);
        robot.interact(() -> fromMenu.getScene().getWindow().hide());
    }

    private javafx.scene.control.Tab selectedTab() {
        return window.tabs().getSelectionModel().getSelectedItem();
    }

    private static MenuBar bar(FxRobot robot) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class);
    }

    /** A menu item by id, at any depth of the menu bar. */
    private static MenuItem item(FxRobot robot, String id) {
        for (Menu m : bar(robot).getMenus()) {
            MenuItem found = find(m, id);
            if (found != null) return found;
        }
        throw new AssertionError("no menu item " + id);
    }

    private static MenuItem find(Menu menu, String id) {
        for (MenuItem i : menu.getItems()) {
            if (id.equals(i.getId())) return i;
            if (i instanceof Menu sub && find(sub, id) != null) return find(sub, id);
        }
        return null;
    }

    private static Menu folder(Menu samples, String name) {
        return (Menu) samples.getItems().stream().filter(m -> name.equals(m.getText())).findFirst().orElseThrow(
                () -> new AssertionError("no folder " + name));
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class);
    }

    private static boolean hasDarkSheet(MainWindow w) {
        return w.stage().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("/dark.css"));
    }

    /** Brightness of the timeline's row-label column, under the axis: the page colour of the canvas. */
    private static double brightness(FxRobot robot, MainWindow w) throws Exception {
        Image img = fx(() -> w.timelineTab().view().snapshot(null, null));
        Color c = img.getPixelReader().getColor(207, (int) img.getHeight() - 60); // right of the label text, left of the lanes
        return c.getBrightness();
    }
}
