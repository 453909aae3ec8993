package dev.virtscope.gui;

import static dev.virtscope.gui.WindowDriver.fx;
import static dev.virtscope.gui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableColumn;
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
import dev.virtscope.session.MergedTrace;
import dev.virtscope.store.Trace;
import dev.virtscope.view.timeline.TimelineRow;

/**
 * File → Add file to session… on one real QEMU/KVM run traced from both sides: the host's ftrace
 * text (its vCPU threads {@code CPU n/KVM-TID}) and QEMU's log backend ({@code TID@SEC.USEC:event},
 * the same thread ids, a wall clock).
 */
@ExtendWith(ApplicationExtension.class)
class AddFileToSessionTest {
    private static final String PAIR = "captured/session/kvm-bios-smp2-m128-pair.";
    private static final Pattern HOST_TID = Pattern.compile("^\\s*\\S.*?-(\\d+)\\s+\\(");
    private static final Pattern QEMU_TID = Pattern.compile("^(\\d+)@\\d+\\.\\d{6}:\\w+");
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

    private static Path host() {
        return Samples.path(PAIR + "host-ftrace.txt.xz");
    }

    private static Path qemu() {
        return Samples.path(PAIR + "qemu-log.txt.xz");
    }

    /** Events per thread id, read from the file's lines. */
    private static Map<Integer, Integer> eventsPerTid(Path file, Pattern tid) throws Exception {
        Map<Integer, Integer> out = new HashMap<>();
        for (String l : WindowDriver.lines(file)) {
            if (l.startsWith("#")) continue;
            Matcher m = tid.matcher(l);
            if (m.find()) out.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
        return out;
    }

    private static int total(Map<Integer, Integer> perTid) {
        return perTid.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void addAndWait(FxRobot robot, Path file, int files) throws Exception {
        robot.interact(() -> window.addFile(file));
        waitFor(() -> fx(() -> window.session().open() != null && window.session().open().files().size() == files
                && window.loads().runningProperty().get() == null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theMenuItemComesRightAfterOpen(FxRobot robot) {
        Menu file = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0);
        assertEquals("menu-open", file.getItems().get(0).getId());
        assertEquals("menu-add-file", file.getItems().get(1).getId());
        assertEquals("Add file to session…", file.getItems().get(1).getText());
    }

    @Test
    void bothFilesShowTogetherWithQemuEventsOnTheHostsVcpuRows(FxRobot robot) throws Exception {
        Map<Integer, Integer> hostTids = eventsPerTid(host(), HOST_TID), qemuTids = eventsPerTid(qemu(), QEMU_TID);
        WindowDriver.openAndWait(robot, window, host());
        assertEquals(total(hostTids), window.eventsTab().table().getItems().size());
        addAndWait(robot, qemu(), 2);

        Session.OpenTrace open = window.session().open();
        assertEquals(total(hostTids) + total(qemuTids), window.eventsTab().table().getItems().size());
        assertEquals(host().getFileName() + " + " + qemu().getFileName() + " — VirtScope", window.stage().getTitle());
        assertTrue(WindowDriver.label(robot, "#status-file").startsWith(host().getFileName() + " + " + qemu().getFileName()));

        // the File column names each event's file
        TableColumn<?, ?> fileColumn = window.eventsTab().table().getColumns().stream()
                .filter(c -> "file".equals(c.getId())).findFirst().orElseThrow();
        assertTrue(fileColumn.isVisible());
        EventTableModel model = window.eventsTab().table().model();
        int fromQemu = 0;
        for (int i = 0; i < model.rows(); i++) if (model.file(i).equals(qemu().getFileName().toString())) fromQemu++;
        assertEquals(total(qemuTids), fromQemu);

        // one vCPU row per host vCPU thread, holding that thread's events from both files
        List<TimelineRow> rows = window.timelineTab().view().rows();
        int vcpuRows = 0;
        for (TimelineRow r : rows) {
            Matcher m = Pattern.compile("CPU \\d+/KVM-(\\d+)$").matcher(r.label());
            if (!m.find()) continue;
            vcpuRows++;
            int tid = Integer.parseInt(m.group(1));
            assertEquals(hostTids.get(tid) + qemuTids.getOrDefault(tid, 0), r.events().size(), r.label());
        }
        assertEquals(2, vcpuRows, "the VM's two vCPUs, no extra rows for QEMU's copies of them");

        // the QEMU log's wall clock was placed on the host's clock by matching exits
        MergedTrace.File q = open.merged().files().get(1);
        assertEquals(MergedTrace.OffsetSource.PROPOSED, q.how());
        Label status = robot.lookup("#status-file").queryAs(Label.class);
        assertTrue(status.getTooltip().getText().contains("proposed from"), status.getTooltip().getText());
    }

    @Test
    void aFailedAddLeavesTheOpenTraceAsItWas(FxRobot robot, @TempDir Path tmp) throws Exception {
        WindowDriver.openAndWait(robot, window, host());
        Trace before = window.session().open().trace();
        Path garbage = tmp.resolve("not-a-trace.txt");
        Files.writeString(garbage, "hello\nworld\n");
        robot.interact(() -> window.addFile(garbage));
        waitFor(() -> window.loads().lastFailureProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup("#load-error").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains(garbage.toAbsolutePath().toString()), dialog.getContentText());
        assertSame(before, window.session().open().trace());
        assertEquals(1, window.session().open().files().size());
        assertEquals(host().getFileName() + " — VirtScope", window.stage().getTitle());
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void aSavedTwoFileSessionComesBackWithBothFilesAndTheirOffsets(FxRobot robot, @TempDir Path tmp) throws Exception {
        WindowDriver.openAndWait(robot, window, host());
        addAndWait(robot, qemu(), 2);
        Session.OpenTrace saved = window.session().open();
        long offset = saved.merged().files().get(1).offsetNs();
        Path file = tmp.resolve("pair.vsession");
        assertTrue(fx(() -> window.sessions().save(file)));
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(2, json.get("files").size());
        assertEquals(host().toAbsolutePath().toString(), json.get("files").get(0).get("path").asText());
        assertEquals(qemu().toAbsolutePath().toString(), json.get("files").get(1).get("path").asText());
        assertEquals(offset, json.get("files").get(1).get("offsetNs").asLong());

        WindowDriver.openAndWait(robot, window, Samples.path("generated/ftrace/trace-variant-tgid.txt"));
        assertEquals(1, window.session().open().files().size());
        robot.interact(() -> window.open(file));
        waitFor(() -> fx(() -> window.session().open().files().size() == 2 && window.loads().runningProperty().get() == null));
        WaitForAsyncUtils.waitForFxEvents();

        Session.OpenTrace back = window.session().open();
        assertEquals(List.of(host().toAbsolutePath(), qemu().toAbsolutePath()), back.paths());
        assertEquals(offset, back.merged().files().get(1).offsetNs());
        assertEquals(MergedTrace.OffsetSource.GIVEN, back.merged().files().get(1).how());
        var a = saved.trace().events();
        var b = back.trace().events();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.ts(i), b.ts(i));
            assertEquals(saved.merged().fileOf(i), back.merged().fileOf(i));
        }
    }
}
