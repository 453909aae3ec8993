package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.scene.control.CheckBoxTreeItem;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.virtscope.Samples;
import dev.virtscope.view.timeline.TimelineRow;

/** The left panel's tree decides which rows the timeline draws; its search narrows the tree. */
@ExtendWith(ApplicationExtension.class)
class RowTreePanelTest {
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
    void checkboxesChooseTimelineRowsAndSearchNarrowsTheTree(FxRobot robot) throws Exception {
        Path sample = Samples.path("generated/ftrace/trace-variant-tgid.txt");
        List<SampleLine> lines = SampleLine.all(sample);
        WindowDriver.openAndWait(robot, window, sample);
        TimelineView timeline = window.timelineTab().view();
        Set<String> vcpuThreads = new TreeSet<>(), otherThreads = new TreeSet<>();
        for (SampleLine l : lines) (l.comm().matches("CPU \\d+/KVM") ? vcpuThreads : otherThreads).add(l.comm() + "-" + l.tid());
        int cpus = 2; // the header says #P:2
        // at first: the CPUs and vCPU threads, and (once counted) the other tasks folded into one row
        assertEquals(cpus + vcpuThreads.size(), timeline.rows().stream()
                .filter(r -> !r.group().equals(dev.virtscope.view.timeline.TimelineRows.OTHER_GROUP)).count(), "CPUs and vCPU threads at first");

        TreeItem<String> root = window.rowPanel().tree().getRoot();
        TreeItem<String> cpuGroup = child(root, "CPUs");
        TreeItem<String> processes = child(root, "Processes");
        assertEquals(otherThreads.size(), processes.getChildren().stream().mapToInt(g -> g.getChildren().size()).sum(),
                "every other thread is listed under its process");
        assertEquals(vcpuThreads.size(), child(root, "VMs").getChildren().stream().mapToInt(g -> g.getChildren().size()).sum());

        robot.interact(() -> ((CheckBoxTreeItem<String>) cpuGroup).setSelected(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(vcpuThreads.size(), timeline.rows().size(), "unchecking CPUs removes their rows");
        assertTrue(timeline.rows().stream().noneMatch(r -> r.group().equals("CPUs")));

        TreeItem<String> thread = processes.getChildren().get(0).getChildren().get(0);
        robot.interact(() -> ((CheckBoxTreeItem<String>) thread).setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(vcpuThreads.size() + 1, timeline.rows().size());
        TimelineRow added = timeline.rows().get(timeline.rows().size() - 1);
        assertEquals(thread.getValue(), added.label());
        long events = lines.stream().filter(l -> (l.comm() + "-" + l.tid()).equals(thread.getValue())).count();
        assertEquals(events, added.events().size());

        robot.clickOn("#row-search").write("KVM"); // case does not matter: kvm-pit matches too
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<String> narrowed = window.rowPanel().tree().getRoot();
        List<String> leaves = narrowed.getChildren().stream().flatMap(t -> t.getChildren().stream())
                .flatMap(g -> g.getChildren().stream()).map(TreeItem::getValue).toList();
        assertEquals(vcpuThreads.size() + otherThreads.stream().filter(t -> t.toLowerCase(java.util.Locale.ROOT).contains("kvm")).count(), leaves.size(), leaves.toString());
        assertEquals(vcpuThreads.size() + 1, timeline.rows().size(), "searching does not change the rows shown");
    }

    private static TreeItem<String> child(TreeItem<String> parent, String value) {
        return parent.getChildren().stream().filter(c -> c.getValue().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + value + " under " + parent.getValue()));
    }
}
