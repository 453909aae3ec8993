package dev.virtscope.gui.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javafx.scene.control.ComboBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.virtscope.analysis.kvm.StatTable;
import dev.virtscope.analysis.kvm.VcpuTimeSplit;
import dev.virtscope.gui.MainWindow;
import dev.virtscope.gui.RecentFiles;
import dev.virtscope.gui.TraceReader;
import dev.virtscope.gui.kvm.NestedSvmTrace.Exit;
import dev.virtscope.gui.kvm.NestedSvmTrace.Line;

/** The KVM stats tab on the real nested-SVM capture, checked against a regex reading of the file. */
@ExtendWith(ApplicationExtension.class)
class KvmStatsTabTest {
    private static final Pattern PIO = Pattern.compile("^pio_(read|write) at 0x([0-9a-f]+) ");
    private static List<Line> lines;
    private static List<Exit> exits;

    @TempDir
    Path dir;

    private MainWindow window;
    private Preferences prefs;
    private KvmStatsTab tab;

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("dev/virtscope/test/" + UUID.randomUUID());
        window = new MainWindow(stage, TraceReader.standard(), new RecentFiles(prefs));
        tab = (KvmStatsTab) window.tabs().getTabs().stream().filter(t -> t instanceof KvmStatsTab).findFirst().orElseThrow();
        stage.show();
    }

    @BeforeEach
    void openTheCapture(FxRobot robot) throws Exception {
        if (lines == null) {
            lines = NestedSvmTrace.lines();
            exits = NestedSvmTrace.exits(lines);
        }
        robot.interact(() -> {
            window.open(NestedSvmTrace.path());
            window.tabs().getSelectionModel().select(tab);
        });
        FxWait.until(() -> window.session().open() != null && !tab.busy() && tab.result() != null);
    }

    @AfterEach
    void forgetPreferences() throws BackingStoreException {
        prefs.removeNode();
    }

    private List<StatTable.Row> rows() throws Exception {
        return FxWait.onFx(() -> List.copyOf(tab.table().getItems()));
    }

    private static void assertRowsMatch(Map<String, List<Long>> expected, List<StatTable.Row> rows) {
        assertEquals(expected.keySet(), rows.stream().map(StatTable.Row::key).collect(Collectors.toSet()));
        for (StatTable.Row r : rows) {
            List<Long> d = expected.get(r.key());
            assertEquals(d.size(), r.samples(), r.key());
            assertEquals(d.stream().mapToLong(Long::longValue).min().orElseThrow(), r.minNs(), r.key());
            assertEquals(d.stream().mapToLong(Long::longValue).max().orElseThrow(), r.maxNs(), r.key());
        }
    }

    @Test
    void vmexitRowsPerReasonAndPerVcpu(FxRobot robot) throws Exception {
        assertRowsMatch(exits.stream().collect(Collectors.groupingBy(Exit::reason,
                Collectors.mapping(Exit::durationNs, Collectors.toList()))), rows());
        ComboBox<String> by = robot.lookup("#kvm-stats-by").queryComboBox();
        robot.interact(() -> by.getSelectionModel().select("vCPU"));
        FxWait.until(() -> !tab.busy());
        assertRowsMatch(exits.stream().collect(Collectors.groupingBy(x -> Integer.toString(x.vcpu()),
                Collectors.mapping(Exit::durationNs, Collectors.toList()))), rows());
        assertEquals("vCPU", FxWait.onFx(() -> tab.table().getColumns().get(0).getText()));
    }

    @Test
    void ioportRowsFollowPerfsRuleFromKvmPioToTheNextEntryOfTheThread(FxRobot robot) throws Exception {
        Map<Integer, long[]> open = new HashMap<>();   // tid → {ts}
        Map<Integer, String> openKey = new HashMap<>();
        Map<String, List<Long>> expected = new HashMap<>();
        for (Line l : lines) {
            if (l.event().equals("kvm_pio")) {
                Matcher m = PIO.matcher(l.payload());
                assertTrue(m.find(), l.payload());
                open.put(l.tid(), new long[] {l.ns()});
                openKey.put(l.tid(), "0x" + m.group(2) + ":" + (m.group(1).equals("write") ? "POUT" : "PIN"));
            } else if (l.event().equals("kvm_entry") && open.containsKey(l.tid())) {
                long t = open.remove(l.tid())[0];
                expected.computeIfAbsent(openKey.remove(l.tid()), k -> new ArrayList<>()).add(l.ns() - t);
            }
        }
        assertTrue(expected.size() > 10, "ports: " + expected.keySet());
        ComboBox<String> event = robot.lookup("#kvm-stats-event").queryComboBox();
        robot.interact(() -> event.getSelectionModel().select("ioport"));
        FxWait.until(() -> !tab.busy());
        assertRowsMatch(expected, rows());
        assertEquals("Port:dir", FxWait.onFx(() -> tab.table().getColumns().get(0).getText()));
    }

    @Test
    void timeSplitGivesEachVcpusGuestTimeAndItsExitTime(FxRobot robot) throws Exception {
        // guest: from each kvm_entry to the next kvm_exit of the thread; exits: paired exit → entry
        Map<Integer, Long> lastEntry = new HashMap<>();
        Map<Integer, Long> guest = new HashMap<>();
        for (Line l : lines) {
            if (l.event().equals("kvm_entry")) lastEntry.put(l.tid(), l.ns());
            else if (l.event().equals("kvm_exit") && lastEntry.containsKey(l.tid())) {
                int vcpu = Integer.parseInt(l.payload().split("[ ,]+")[1]);
                guest.merge(vcpu, l.ns() - lastEntry.get(l.tid()), Long::sum);
            }
        }
        Map<Integer, Long> inExits = exits.stream().collect(Collectors.groupingBy(Exit::vcpu, Collectors.summingLong(Exit::durationNs)));
        VcpuTimeSplit s = FxWait.onFx(() -> tab.split().split());
        assertEquals(2, FxWait.onFx(() -> tab.split().getItems().size()));
        for (int i = 0; i < s.vcpuCount(); i++) {
            int v = s.vcpu(i);
            assertEquals(guest.get(v), s.guestNs(i), "guest time of vCPU " + v);
            assertEquals(inExits.get(v), s.hostNs(i) + s.userspaceNs(i), "exit time of vCPU " + v);
        }
    }

    @Test
    void csvExportHoldsTheTableAsShown(FxRobot robot) throws Exception {
        Path f = dir.resolve("kvm-stat.csv");
        robot.interact(() -> {
            try {
                tab.writeTable(f);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<List<String>> csv = CsvReader.parse(Files.readString(f, StandardCharsets.UTF_8));
        assertEquals(List.of("Reason", "samples", "samplesPct", "timePct", "minNs", "maxNs", "avgNs", "stddevPct"), csv.get(0));
        List<StatTable.Row> rows = rows();
        assertEquals(rows.size(), csv.size() - 1);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).key(), csv.get(i + 1).get(0));
            assertEquals(Long.toString(rows.get(i).samples()), csv.get(i + 1).get(1));
            assertEquals(Long.toString(rows.get(i).maxNs()), csv.get(i + 1).get(5));
        }
        Path split = dir.resolve("split.csv");
        robot.interact(() -> {
            try {
                tab.writeSplit(split);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<List<String>> sc = CsvReader.parse(Files.readString(split, StandardCharsets.UTF_8));
        assertEquals(List.of("vcpu", "guestNs", "hostNs", "userspaceNs", "guestPct", "hostPct", "topHostReasons"), sc.get(0));
        assertEquals(3, sc.size(), "a header and one line per vCPU");
        assertTrue(sc.get(1).get(6).contains(" ms"), "top reasons with their time: " + sc.get(1).get(6));
    }
}
