package dev.virtscope.gui;

import static dev.virtscope.gui.WindowDriver.filtered;
import static dev.virtscope.gui.WindowDriver.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.virtscope.Samples;

/**
 * The Events tab's filters on a real nested-SVM capture, typed as a user would; every expected
 * count comes from a regular expression over the sample's lines.
 */
@ExtendWith(ApplicationExtension.class)
class EventFiltersTest {
    private static final String SAMPLE = "captured/nested/nested-svm-inner-smp2-secs5.ftrace.txt.xz";
    private static final Pattern LINE = Pattern.compile("^\\s*(.+)-(\\d+)\\s+\\[(\\d+)\\]\\s+\\S+\\s+[\\d.]+:\\s+(\\w+):\\s?(.*)$");
    private static final Pattern EXIT = Pattern.compile("vcpu (\\d+) reason (\\S+) .*");

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

    private static long exits(List<String> lines, String reason, int vcpu) {
        return lines.stream().map(LINE::matcher).filter(Matcher::matches).filter(m -> m.group(4).equals("kvm_exit"))
                .map(m -> EXIT.matcher(m.group(5))).filter(Matcher::matches)
                .filter(m -> m.group(2).equals(reason) && Integer.parseInt(m.group(1)) == vcpu).count();
    }

    private void typeExpression(FxRobot robot, String expression) throws Exception {
        robot.doubleClickOn("#filter-expression");
        robot.interact(() -> robot.lookup("#filter-expression").queryAs(javafx.scene.control.TextField.class).clear());
        robot.write(expression).type(KeyCode.ENTER);
        filtered(window);
    }

    @Test
    void fieldExpressionCountsKvmExitsByReasonAndVcpu(FxRobot robot) throws Exception {
        Path sample = Samples.path(SAMPLE);
        List<String> lines = WindowDriver.lines(sample);
        long total = lines.stream().filter(l -> LINE.matcher(l).matches()).count();
        WindowDriver.openAndWait(robot, window, sample);

        long npfOnVcpu1 = exits(lines, "npf", 1);
        typeExpression(robot, "reason == \"npf\" && vcpu == 1");
        assertEquals(npfOnVcpu1, window.eventsTab().table().getItems().size());
        assertEquals(String.format(Locale.ROOT, "%,d of %,d events shown", npfOnVcpu1, total), label(robot, "#shown-count"));

        // in this capture the nested page faults all hit vCPU 0; vCPU 1 exits for MSR accesses
        for (String[] q : new String[][] {{"npf", "0"}, {"msr", "1"}}) {
            long n = exits(lines, q[0], Integer.parseInt(q[1]));
            assertTrue(n > 0);
            typeExpression(robot, "reason == \"" + q[0] + "\" && vcpu == " + q[1]);
            assertEquals(n, window.eventsTab().table().getItems().size(), q[0] + " on vCPU " + q[1]);
            assertEquals(String.format(Locale.ROOT, "%,d of %,d events shown", n, total), label(robot, "#shown-count"));
        }
        long kept = window.eventsTab().table().getItems().size();

        // a mistake is pointed at, and the rows stay as they were
        typeExpression(robot, "reason == ");
        assertEquals("column 11: expected a value (\"text\" or a number) after '==', found end of expression",
                label(robot, "#filter-expression-error"));
        assertEquals(kept, window.eventsTab().table().getItems().size());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void typesCpusTasksTextAndExpressionCombine(FxRobot robot) throws Exception {
        Path sample = Samples.path(SAMPLE);
        List<String> lines = WindowDriver.lines(sample);
        WindowDriver.openAndWait(robot, window, sample);

        ChecklistButton types = robot.lookup("#filter-types").queryAs(ChecklistButton.class);
        ChecklistButton cpus = robot.lookup("#filter-cpus").queryAs(ChecklistButton.class);
        ChecklistButton tasks = robot.lookup("#filter-tasks").queryAs(ChecklistButton.class);
        robot.interact(() -> types.setChecked(Set.of("kvm_exit", "kvm_entry")));
        robot.interact(() -> cpus.setChecked(Set.of(1)));
        filtered(window);
        long exitsAndEntriesOnCpu1 = lines.stream().map(LINE::matcher).filter(Matcher::matches)
                .filter(m -> (m.group(4).equals("kvm_exit") || m.group(4).equals("kvm_entry")) && m.group(3).equals("001")).count();
        assertEquals(exitsAndEntriesOnCpu1, window.eventsTab().table().getItems().size());

        robot.clickOn("#filter-text").write("MSR");
        filtered(window);
        long msrOnCpu1 = lines.stream().map(LINE::matcher).filter(Matcher::matches)
                .filter(m -> (m.group(4).equals("kvm_exit") || m.group(4).equals("kvm_entry")) && m.group(3).equals("001")
                        && m.group(5).toLowerCase(Locale.ROOT).contains("msr")).count();
        assertTrue(msrOnCpu1 > 0);
        assertEquals(msrOnCpu1, window.eventsTab().table().getItems().size());

        typeExpression(robot, "vcpu == 1");
        long msrExitsOfVcpu1OnCpu1 = lines.stream().map(LINE::matcher).filter(Matcher::matches)
                .filter(m -> m.group(4).equals("kvm_exit") && m.group(3).equals("001") && m.group(5).contains(" msr ")
                        && m.group(5).startsWith("vcpu 1 ")).count();
        assertEquals(msrExitsOfVcpu1OnCpu1, window.eventsTab().table().getItems().size());

        // tasks: only the vCPU 0 thread → nothing of vCPU 1 is left
        int vcpu0 = lines.stream().map(LINE::matcher).filter(Matcher::matches).filter(m -> m.group(1).trim().equals("CPU 0/KVM"))
                .map(m -> Integer.parseInt(m.group(2))).findFirst().orElseThrow();
        robot.interact(() -> tasks.setChecked(Set.of(vcpu0)));
        filtered(window);
        assertEquals(0, window.eventsTab().table().getItems().size());

        robot.clickOn("#filter-clear");
        filtered(window);
        assertEquals(lines.stream().filter(l -> LINE.matcher(l).matches()).count(), window.eventsTab().table().getItems().size());
        assertEquals("Types: all", types.getText());
    }
}
