package dev.virtscope.gui;

import static dev.virtscope.gui.WindowDriver.filtered;
import static dev.virtscope.gui.WindowDriver.fx;
import static dev.virtscope.gui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.virtscope.Samples;
import dev.virtscope.filter.EventQuery;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.Trace;

/** File → Save session… / Open session…: what comes back, and what a bad file says. */
@ExtendWith(ApplicationExtension.class)
class SessionRoundTripTest {
    private static final String SAMPLE = "generated/ftrace/trace-variant-tgid.txt";
    private static final String OTHER = "generated/ftrace/trace-variant-noirqinfo.txt";
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

    /** Rows, time window, markers and filters as a user might leave them. */
    private void arrangeState(FxRobot robot) throws Exception {
        EventStore s = window.session().open().trace().events();
        long span = s.lastNs() - s.firstNs();
        robot.interact(() -> {
            window.rowPanel().setShownKeys(Set.of("cpu:1", "tid:1976", "tid:1983"));
            window.timelineTab().view().showRange(s.firstNs() + span / 4, s.firstNs() + span / 2);
            window.session().markers().aProperty().set(s.firstNs() + span / 3);
            window.session().markers().bProperty().set(s.firstNs() + span / 3 + 12_345);
            window.eventsTab().toolbar().apply(new EventQuery(Set.of("kvm_exit", "kvm_entry"), null, Set.of(0, 1), "",
                    "vcpu == 0 && time >= 1043.69"));
        });
        filtered(window);
    }

    private record State(List<String> rows, long start, long end, long a, long b, EventQuery query, int shown) {
    }

    private State state() throws Exception {
        return fx(() -> new State(window.rowPanel().shownKeys(), window.timelineTab().view().viewport().start(),
                window.timelineTab().view().viewport().end(), window.session().markers().aProperty().get(),
                window.session().markers().bProperty().get(), window.eventsTab().toolbar().query(),
                window.eventsTab().table().getItems().size()));
    }

    @Test
    void saveThenOpenRestoresRowsWindowMarkersAndFilters(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path sample = Samples.path(SAMPLE);
        WindowDriver.openAndWait(robot, window, sample);
        arrangeState(robot);
        State saved = state();
        List<SampleLine> lines = SampleLine.all(sample);
        long expected = lines.stream().filter(l -> (l.event().equals("kvm_exit") || l.event().equals("kvm_entry"))
                && l.payload().startsWith("vcpu 0 ") && l.ns() >= 1_043_690_000_000L).count();
        assertEquals(expected, saved.shown(), "the filters are in force before saving");

        Path file = tmp.resolve("my session.vsession");
        assertTrue(fx(() -> window.sessions().save(file)));
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(SavedSession.VERSION, json.get("version").asInt());
        assertEquals(sample.toAbsolutePath().toString(), json.get("files").get(0).get("path").asText());
        assertEquals(List.of("cpu:1", "tid:1976", "tid:1983"), saved.rows());
        try (var listing = Files.list(tmp)) {
            assertEquals(List.of(file), listing.toList(), "the temporary file was renamed, not left behind");
        }

        // another trace replaces everything, then the session brings it all back
        WindowDriver.openAndWait(robot, window, Samples.path(OTHER));
        assertFalse(state().equals(saved));
        robot.interact(() -> window.open(file));
        waitFor(() -> fx(() -> window.session().open().path().equals(sample)));
        filtered(window);
        assertEquals(saved, state());
        assertEquals(saved.rows().size(), window.timelineTab().view().rows().size());
        assertEquals("vcpu == 0 && time >= 1043.69",
                robot.lookup("#filter-expression").queryAs(javafx.scene.control.TextField.class).getText());
    }

    @Test
    void corruptForeignAndNewerFilesAreExplainedAndChangeNothing(FxRobot robot, @TempDir Path tmp) throws Exception {
        WindowDriver.openAndWait(robot, window, Samples.path(SAMPLE));
        Trace before = window.session().open().trace();
        String[][] cases = {
            {"cut.vsession", "{\n  \"version\": 1,\n  \"files\": [ {\"path\": \"x\"",
                "cut.vsession is not a VirtScope session: it is not valid JSON at line 3"},
            {"foreign.vsession", "{\"name\": \"something else\"}",
                "foreign.vsession is not a VirtScope session file (it has no \"version\" field)."},
            {"newer.vsession", "{\"version\": 7, \"files\": [{\"path\": \"/t.dat\", \"offsetNs\": 0}], \"layout\": {}}",
                "newer.vsession was saved by a newer VirtScope (session format version 7; this version reads up to 1). Update VirtScope to open it."},
            {"empty.vsession", "{\"version\": 1, \"files\": []}", "empty.vsession is damaged: it names no trace file."},
            {"typed.vsession", "{\"version\": 1, \"files\": [{\"path\": \"/t\", \"offsetNs\": \"soon\"}]}", "typed.vsession is damaged: "},
        };
        for (String[] c : cases) {
            Path f = tmp.resolve(c[0]);
            Files.writeString(f, c[1]);
            robot.interact(() -> window.open(f));
            WaitForAsyncUtils.waitForFxEvents();
            DialogPane dialog = robot.lookup("#session-error").queryAs(DialogPane.class);
            assertTrue(dialog.getContentText().startsWith(c[2]), dialog.getContentText());
            assertEquals(dialog.getContentText(), window.sessions().lastProblemProperty().get());
            assertNull(window.loads().runningProperty().get(), "nothing is loaded");
            assertSame(before, window.session().open().trace());
            robot.interact(() -> dialog.getScene().getWindow().hide());
        }
    }

    @Test
    void restoreLastSessionOnStartIsAPreference(FxRobot robot, @TempDir Path tmp) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        CheckMenuItem restore = (CheckMenuItem) bar.getMenus().get(0).getItems().stream()
                .filter(m -> "menu-restore-session".equals(m.getId())).findFirst().orElseThrow();
        assertTrue(bar.getMenus().get(0).getItems().stream().anyMatch(m -> "menu-save-session".equals(m.getId())));
        assertTrue(bar.getMenus().get(0).getItems().stream().anyMatch(m -> "menu-open-session".equals(m.getId())));
        assertFalse(restore.isSelected(), "off unless the user asks");
        Path kept = tmp.resolve("virtscope").resolve("last-session.vsession");
        robot.interact(() -> window.sessions().setAutosaveFile(kept));

        WindowDriver.openAndWait(robot, window, Samples.path(SAMPLE));
        arrangeState(robot);
        State before = state();
        robot.interact(() -> window.sessions().autosave());
        assertFalse(Files.exists(kept), "preference off: nothing kept");

        robot.clickOn("File").clickOn("Restore last session on start");
        assertTrue(restore.isSelected());
        assertTrue(prefs.node("session").getBoolean("restoreLastSession", false), "kept in preferences");
        robot.interact(() -> window.sessions().autosave());
        assertTrue(Files.exists(kept));

        // the next start: a window reading the same preferences brings the state back
        WindowDriver.openAndWait(robot, window, Samples.path(OTHER));
        robot.interact(() -> window.sessions().restoreLastIfWanted());
        waitFor(() -> fx(() -> window.session().open().path().equals(Samples.path(SAMPLE).toAbsolutePath())));
        filtered(window);
        assertEquals(before, state());
    }
}
