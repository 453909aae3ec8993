package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javax.imageio.ImageIO;

import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;

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

/** The main window on real samples, driven through the same open path as File → Open…. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final String SAMPLE = "generated/ftrace/trace-variant-tgid.txt";

    private MainWindow window;
    private Preferences prefs;
    private TestReaders.Switchable reader;

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("dev/virtscope/test/" + UUID.randomUUID());
        reader = new TestReaders.Switchable(TraceReader.standard());
        window = new MainWindow(stage, reader, new RecentFiles(prefs));
        stage.show();
    }

    @AfterEach
    void forgetPreferences() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void opensSampleAndShowsItsEventsInTheTable(FxRobot robot) throws Exception {
        Path sample = Samples.path(SAMPLE);
        List<SampleLine> lines = SampleLine.all(sample);
        SampleLine first = lines.get(0);

        openAndWait(robot, sample);

        assertEquals(SampleLine.countEventLines(sample), window.eventsTab().table().getItems().size());
        assertEquals(first.time(), cellText(robot, 0, "time"));
        assertEquals(Integer.toString(first.cpu()), cellText(robot, 0, "cpu"));
        assertEquals(first.comm() + "-" + first.tid(), cellText(robot, 0, "task"));
        assertEquals(first.event(), cellText(robot, 0, "event"));
        assertEquals(first.payload(), cellText(robot, 0, "payload"));
        assertEquals("", cellText(robot, 0, "delta"));
        long d = lines.get(1).ns() - first.ns();
        assertEquals(String.format(Locale.ROOT, "%d.%03d", d / 1000, d % 1000), cellText(robot, 1, "delta"));
    }

    @Test
    void counterClockTimesAreShownAsRawCounts(FxRobot robot) throws Exception {
        Path sample = Samples.path("generated/ftrace/trace-variant-x86tsc.txt");
        List<SampleLine> lines = SampleLine.all(sample);
        openAndWait(robot, sample);

        assertEquals("Time (count)", window.eventsTab().table().getColumns().get(0).getText(), "no unit: raw counter");
        assertEquals(lines.get(0).time(), cellText(robot, 0, "time"));
        assertEquals(Long.toString(lines.get(1).ns() - lines.get(0).ns()), cellText(robot, 1, "delta"));
        assertEquals(lines.size(), window.eventsTab().table().getItems().size());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void filterShowsOneEventTypeAndGoToSelectsTheFirstShownEventAtThatTime(FxRobot robot) throws Exception {
        Path sample = Samples.path(SAMPLE);
        List<SampleLine> all = SampleLine.all(sample);
        // the store is in time order (stable for equal times): order the file's lines the same way
        List<SampleLine> pio = all.stream().filter(l -> l.event().equals("kvm_pio"))
                .sorted(java.util.Comparator.comparingLong(SampleLine::ns)).toList();
        openAndWait(robot, sample);

        ChecklistButton<?> types = robot.lookup("#filter-types").queryAs(ChecklistButton.class);
        robot.interact(() -> types.setChecked((java.util.Set) java.util.Set.of("kvm_pio")));
        waitFor(() -> fx(() -> !window.eventsTab().toolbar().filteringProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(pio.size(), window.eventsTab().table().getItems().size());
        assertEquals(String.format(Locale.ROOT, "%,d of %,d events shown", pio.size(), all.size()), label(robot, "#shown-count"));
        assertEquals(pio.get(0).time(), cellText(robot, 0, "time"));
        assertEquals(pio.get(0).payload().trim(), cellText(robot, 0, "payload").trim());
        long d = pio.get(1).ns() - pio.get(0).ns();
        assertEquals(String.format(Locale.ROOT, "%d.%03d", d / 1000, d % 1000), cellText(robot, 1, "delta"), "Δ to the row above");

        SampleLine target = all.get(all.size() / 2);
        SampleLine expected = pio.stream().filter(l -> l.ns() >= target.ns()).findFirst().orElseThrow();
        robot.clickOn("#goto-time").write(target.time()).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        int ev = window.session().selection().eventProperty().get();
        EventTableModel model = window.eventsTab().table().model();
        assertEquals(expected.time(), model.time(ev));
        assertEquals("kvm_pio", model.event(ev));

        robot.interact(() -> types.setChecked(null));
        waitFor(() -> fx(() -> !window.eventsTab().toolbar().filteringProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(all.size(), window.eventsTab().table().getItems().size());
        assertEquals(ev, (int) window.eventsTab().table().getSelectionModel().getSelectedItem(), "selection kept");
    }

    @Test
    void statusBarShowsCountSpanWarningsAndLostMarkers(FxRobot robot) throws Exception {
        Path sample = Samples.path(SAMPLE);
        List<SampleLine> lines = SampleLine.all(sample);
        openAndWait(robot, sample);

        String count = String.format(Locale.ROOT, "%,d events", SampleLine.countEventLines(sample));
        assertEquals(count, label(robot, "#status-events"));
        long span = lines.get(lines.size() - 1).ns() - lines.get(0).ns();
        assertEquals(String.format(Locale.ROOT, "span %.6f s", span / 1e9), label(robot, "#status-span"));
        Hyperlink warnings = robot.lookup("#status-warnings").queryAs(Hyperlink.class);
        assertEquals("0 warnings", warnings.getText());
        assertTrue(warnings.isDisabled(), "nothing to list");
        assertEquals("0 lost-event markers", label(robot, "#status-lost"));
        assertTrue(label(robot, "#status-file").startsWith("trace-variant-tgid.txt ("));
    }

    @Test
    void warningsLinkListsUnusableLinesAndLostMarkersAreCounted(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path sample = Samples.path("generated/ftrace/trace-variant-smallbuf.txt");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(sample));
        int at = 20; // after the header: the damaged line is line at + 1 of the copy
        assertFalse(lines.get(at).startsWith("#"));
        lines.add(at, "this line is not an event");
        Path damaged = tmp.resolve("smallbuf-damaged.txt");
        Files.write(damaged, lines);
        // the header says how many events the ring buffer overwrote: entries-in-buffer/entries-written A/B
        String header = lines.stream().filter(l -> l.contains("entries-in-buffer/entries-written")).findFirst().orElseThrow();
        String[] ab = header.replaceAll(".*written: (\\d+)/(\\d+).*", "$1 $2").split(" ");
        long markers = (Long.parseLong(ab[0]) < Long.parseLong(ab[1]) ? 1 : 0)
                + lines.stream().filter(l -> l.startsWith("#####") && l.contains("buffer started")).count();

        openAndWait(robot, damaged);

        assertEquals(String.format(Locale.ROOT, "%d lost-event marker%s", markers, markers == 1 ? "" : "s"),
                label(robot, "#status-lost"));
        Hyperlink warnings = robot.lookup("#status-warnings").queryAs(Hyperlink.class);
        assertEquals("1 warning", warnings.getText());
        robot.clickOn(warnings);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = robot.lookup("#warnings-table").queryAs(javafx.scene.control.TableView.class);
        assertEquals(1, table.getItems().size());
        dev.virtscope.store.Warnings.Warning w = (dev.virtscope.store.Warnings.Warning) table.getItems().get(0);
        assertEquals(at + 1, w.line());
        assertTrue(w.reason().contains("this line is not an event"), w.reason());
        robot.interact(() -> table.getScene().getWindow().hide());
    }

    @Test
    void helpMenuShowsAboutAndShortcuts(FxRobot robot) {
        robot.clickOn("Help").clickOn("Keyboard shortcuts");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane shortcuts = robot.lookup("#shortcuts-dialog").queryAs(DialogPane.class);
        assertTrue(robot.from(shortcuts).lookup("Ctrl+O").tryQuery().isPresent());
        robot.interact(() -> shortcuts.getScene().getWindow().hide());
        robot.clickOn("Help").clickOn("About VirtScope");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane about = robot.lookup("#about-dialog").queryAs(DialogPane.class);
        assertTrue(about.getHeaderText().startsWith("VirtScope "));
        robot.interact(() -> about.getScene().getWindow().hide());
    }

    @Test
    void droppedFileOpensThroughTheSamePath(FxRobot robot) throws Exception {
        Path sample = Samples.path(SAMPLE);
        assertFalse(window.dropHandler().accepts(List.of(sample.getParent().toFile())), "a folder is not a trace");
        assertTrue(window.dropHandler().accepts(List.of(sample.getParent().toFile(), sample.toFile())));
        robot.interact(() -> assertTrue(window.dropHandler().drop(List.of(sample.toFile()))));
        waitFor(() -> window.session().open() != null);
        assertEquals(sample, window.session().open().path());
    }

    @Test
    void cancelledLoadKeepsThePreviousTrace(FxRobot robot) throws Exception {
        Path sample = Samples.path(SAMPLE);
        openAndWait(robot, sample);
        Trace before = window.session().open().trace();

        reader.delegate = TestReaders.blockingUntilCancelled();
        Task<?>[] task = new Task<?>[1];
        robot.interact(() -> task[0] = window.loads().open(Samples.path("generated/ftrace/trace-variant-counter.txt")));
        waitFor(() -> fx(() -> task[0].getProgress()) == 0.5);
        assertTrue(robot.lookup("#load-progress").query().isVisible(), "progress line shown while loading");
        robot.clickOn("#cancel-load");
        waitFor(() -> fx(() -> window.loads().runningProperty().get() == null));

        assertTrue(fx(() -> task[0].isCancelled()));
        assertSame(before, window.session().open().trace());
        assertEquals(before.events().size(), window.eventsTab().table().getItems().size());
        assertFalse(robot.lookup("#load-progress").query().isVisible());
        assertTrue(robot.lookup("#load-error").tryQuery().isEmpty(), "cancelling is not an error");
    }

    @Test
    void failedLoadsShowFileAndReasonAndKeepThePreviousTrace(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path sample = Samples.path(SAMPLE);
        openAndWait(robot, sample);
        Trace before = window.session().open().trace();

        Path png = tmp.resolve("picture.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Path missing = tmp.resolve("no-such-trace.txt");
        java.util.Map<Path, String> reasons = new java.util.HashMap<>();
        for (Path bad : List.of(tmp, png, missing)) {
            robot.interact(() -> window.open(bad));
            waitFor(() -> window.loads().lastFailureProperty().get() != null
                    && window.loads().lastFailureProperty().get().path().equals(bad));
            WaitForAsyncUtils.waitForFxEvents();
            DialogPane dialog = robot.lookup("#load-error").queryAs(DialogPane.class);
            assertTrue(dialog.getContentText().contains("File: " + bad.toAbsolutePath()), dialog.getContentText());
            assertTrue(dialog.getContentText().contains("Reason: "), dialog.getContentText());
            assertSame(before, window.session().open().trace(), "previous trace kept after " + bad);
            reasons.put(bad, window.loads().lastFailureProperty().get().reason());
            robot.interact(() -> dialog.getScene().getWindow().hide());
        }
        assertEquals("is a directory, not a trace file", reasons.get(tmp));
        assertEquals("the file does not exist", reasons.get(missing));
        assertTrue(reasons.get(png).contains("not a recognised trace"), reasons.get(png));
        assertEquals(sample.toAbsolutePath().normalize(), window.recentFiles().files().get(0));
        assertEquals(1, window.recentFiles().files().size(), "failed files are not recent files");
    }

    @Test
    void copyDetailsPutsTheReportOnTheClipboard(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("gone.txt");
        robot.interact(() -> window.recentFiles().add(missing));
        robot.interact(() -> window.open(missing));
        waitFor(() -> window.loads().lastFailureProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup("#load-error").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) dialog.lookupButton(LoadErrorDialog.COPY)).fire());
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertNotNull(copied[0]);
        assertTrue(copied[0].startsWith("File: " + missing.toAbsolutePath() + "\nReason: the file does not exist"), copied[0]);
        assertTrue(dialog.getScene().getWindow().isShowing(), "copying keeps the dialog open");
        assertTrue(window.recentFiles().files().isEmpty(), "a deleted file leaves Open Recent");
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void successfulLoadsAreRecentFilesInMenuAndPreferences(FxRobot robot) throws Exception {
        Path tgid = Samples.path(SAMPLE);
        Path counter = Samples.path("generated/ftrace/trace-variant-noirqinfo.txt");
        openAndWait(robot, tgid);
        openAndWait(robot, counter);

        List<Path> expected = List.of(counter.toAbsolutePath().normalize(), tgid.toAbsolutePath().normalize());
        assertEquals(expected, window.recentFiles().files());
        assertEquals(expected, new RecentFiles(prefs).files(), "persisted");
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu recent = (Menu) bar.getMenus().get(0).getItems().stream()
                .filter(m -> "menu-recent".equals(m.getId())).findFirst().orElseThrow();
        List<Object> shown = recent.getItems().stream().map(MenuItem::getUserData).filter(o -> o != null).toList();
        assertEquals(expected, shown);

        // choosing a recent file opens it again through the same path
        robot.interact(() -> recent.getItems().get(1).fire());
        waitFor(() -> window.session().open().path().equals(expected.get(1)));
        assertEquals(List.of(expected.get(1), expected.get(0)), window.recentFiles().files());
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private void openAndWait(FxRobot robot, Path file) throws TimeoutException {
        robot.interact(() -> window.open(file));
        waitFor(() -> window.session().open() != null && window.session().open().path().equals(file)
                && window.loads().runningProperty().get() == null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for a condition; conditions that read FX state read it through {@link #fx}. */
    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.Labeled.class).getText();
    }

    /** The text a visible cell of the events table shows. */
    private static String cellText(FxRobot robot, int row, String column) {
        for (TableCell<?, ?> c : robot.lookup("#events-table .table-cell").queryAllAs(TableCell.class)) {
            if (c.getIndex() == row && c.getTableColumn() != null && column.equals(c.getTableColumn().getId())) {
                return c.getText() == null ? "" : c.getText();
            }
        }
        throw new AssertionError("no visible cell at row " + row + " column " + column);
    }

    @SuppressWarnings("unused")
    private static List<Window> windows() {
        return Window.getWindows();
    }
}
