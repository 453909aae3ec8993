package dev.virtscope.gui.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;

import dev.virtscope.analysis.kvm.StatTable;
import dev.virtscope.gui.MainWindow;
import dev.virtscope.gui.RecentFiles;
import dev.virtscope.gui.TimelineView;
import dev.virtscope.gui.TraceReader;
import dev.virtscope.gui.kvm.FxWait;
import dev.virtscope.gui.kvm.NestedSvmTrace;
import dev.virtscope.gui.kvm.NestedSvmTrace.Exit;
import dev.virtscope.gui.kvm.NestedSvmTrace.Line;
import dev.virtscope.store.EventStore;
import dev.virtscope.view.timeline.TimelineViewport;

/**
 * The Latency tab on the real nested-SVM capture (kvm_exit / kvm_entry from an AMD guest): what it plots
 * and tabulates is checked against a plain regex reading of the trace file.
 */
@ExtendWith(ApplicationExtension.class)
class LatencyTabTest {
    private static List<Line> lines;
    private static List<Exit> exits;

    @TempDir
    Path dir;

    private MainWindow window;
    private Preferences prefs;
    private LatencyTab tab;

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("dev/virtscope/test/" + UUID.randomUUID());
        window = new MainWindow(stage, TraceReader.standard(), new RecentFiles(prefs));
        tab = (LatencyTab) window.tabs().getTabs().stream().filter(t -> t instanceof LatencyTab).findFirst().orElseThrow();
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

    /** Bucket lower bound → count, as drawn: the bars of the chart on screen. */
    private Map<Long, Long> shownBuckets() throws Exception {
        return FxWait.onFx(() -> {
            XYPlot plot = tab.viewer().getChart().getXYPlot();
            IntervalXYDataset d = (IntervalXYDataset) plot.getDataset();
            Map<Long, Long> m = new HashMap<>();
            for (int i = 0; i < d.getItemCount(0); i++) {
                double lo = d.getStartXValue(0, i);
                m.put(lo < 1 ? 0 : Math.round(lo), Math.round(d.getYValue(0, i)));
            }
            return m;
        });
    }

    private static List<Long> durations(java.util.function.Predicate<Exit> keep) {
        return exits.stream().filter(keep).map(Exit::durationNs).toList();
    }

    private void await() throws Exception {
        FxWait.until(() -> !tab.busy());
    }

    @Test
    void histogramBucketsAreThoseOfEveryExitPairedWithTheNextEntryOfItsThread(FxRobot robot) throws Exception {
        assertEquals(0, NestedSvmTrace.replacedExits(lines), "every exit of this capture has its own entry, or none");
        assertTrue(exits.size() > 2000, "a real capture with thousands of exits: " + exits.size());
        assertEquals(NestedSvmTrace.log2Counts(durations(x -> true)), shownBuckets());

        // percentile lines at p50/p90/p99 of the durations (HdrHistogram: within 0.1 %)
        List<Long> sorted = durations(x -> true).stream().sorted().toList();
        Map<String, Double> markers = FxWait.onFx(() -> {
            Map<String, Double> m = new HashMap<>();
            for (Object o : tab.viewer().getChart().getXYPlot().getDomainMarkers(Layer.FOREGROUND))
                m.put(((Marker) o).getLabel().split(" ")[0], ((ValueMarker) o).getValue());
            return m;
        });
        assertEquals(3, markers.size(), markers.toString());
        for (var p : Map.of("p50", 0.50, "p90", 0.90, "p99", 0.99).entrySet()) {
            long exact = sorted.get((int) Math.ceil(p.getValue() * sorted.size()) - 1);
            assertEquals(exact, markers.get(p.getKey()), exact * 0.002, p.getKey());
        }
    }

    @Test
    void choosersFilterByVcpuAndCpuAndLinearBucketsAndTheLogAxisFollowTheControls(FxRobot robot) throws Exception {
        ComboBox<String> vcpu = robot.lookup("#latency-vcpu").queryComboBox();
        assertEquals(List.of("All vCPUs", "0", "1"), vcpu.getItems());
        robot.interact(() -> vcpu.getSelectionModel().select("1"));
        await();
        assertEquals(NestedSvmTrace.log2Counts(durations(x -> x.vcpu() == 1)), shownBuckets());

        ComboBox<String> cpu = robot.lookup("#latency-cpu").queryComboBox();
        robot.interact(() -> {
            vcpu.getSelectionModel().select(0);
            cpu.getSelectionModel().select("0");
        });
        await();
        assertEquals(NestedSvmTrace.log2Counts(durations(x -> x.cpu() == 0)), shownBuckets());

        ComboBox<String> reason = robot.lookup("#latency-reason").queryComboBox();
        robot.interact(() -> {
            cpu.getSelectionModel().select(0);
            reason.getSelectionModel().select("npf");
        });
        await();
        assertEquals(NestedSvmTrace.log2Counts(durations(x -> x.reason().equals("npf"))), shownBuckets());

        TextField width = robot.lookup("#latency-width").queryAs(TextField.class);
        robot.interact(() -> {
            reason.getSelectionModel().select(0);
            robot.lookup("#latency-linear").queryAs(RadioButton.class).setSelected(true);
            width.setText("250us");
            width.fireEvent(new ActionEvent());
        });
        await();
        assertEquals(NestedSvmTrace.linearCounts(durations(x -> true), 250_000), shownBuckets());

        assertFalse(FxWait.onFx(() -> tab.viewer().getChart().getXYPlot().getRangeAxis() instanceof LogAxis));
        robot.interact(() -> robot.lookup("#latency-log-axis").queryAs(CheckBox.class).setSelected(true));
        await();
        assertInstanceOf(LogAxis.class, FxWait.onFx(() -> tab.viewer().getChart().getXYPlot().getRangeAxis()));
        assertEquals(NestedSvmTrace.linearCounts(durations(x -> true), 250_000), shownBuckets(), "same counts on a log axis");
    }

    @Test
    void kvmStatTableHasOneRowPerReasonWithCountMinMaxAndMean(FxRobot robot) throws Exception {
        Map<String, List<Long>> byReason = exits.stream().collect(Collectors.groupingBy(Exit::reason,
                Collectors.mapping(Exit::durationNs, Collectors.toList())));
        List<StatTable.Row> rows = FxWait.onFx(() -> List.copyOf(tab.statTable().getItems()));
        assertEquals(byReason.keySet(), rows.stream().map(StatTable.Row::key).collect(Collectors.toSet()));
        for (StatTable.Row r : rows) {
            List<Long> d = byReason.get(r.key());
            assertEquals(d.size(), r.samples(), r.key());
            assertEquals(d.stream().mapToLong(Long::longValue).min().orElseThrow(), r.minNs(), r.key());
            assertEquals(d.stream().mapToLong(Long::longValue).max().orElseThrow(), r.maxNs(), r.key());
            assertEquals(d.stream().mapToLong(Long::longValue).average().orElseThrow(), r.avgNs(), 1e-6, r.key());
        }
        List<Long> samples = rows.stream().map(StatTable.Row::samples).toList();
        assertEquals(samples.stream().sorted(Comparator.reverseOrder()).toList(), samples, "most frequent first, as perf");

        // clicking a row plots that reason
        robot.interact(() -> tab.statTable().getSelectionModel().select(2));
        await();
        String key = rows.get(2).key();
        assertEquals(key, robot.lookup("#latency-reason").queryComboBox().getValue());
        assertEquals(NestedSvmTrace.log2Counts(byReason.get(key)), shownBuckets());
    }

    @Test
    void pngAndSvgExportsWriteTheChartOnScreen(FxRobot robot) throws Exception {
        Path png = dir.resolve("latency.png"), svg = dir.resolve("latency.svg");
        robot.interact(() -> {
            try {
                tab.exportChart(png);
                tab.exportChart(svg);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a PNG image");
        assertEquals((int) FxWait.onFx(() -> tab.viewer().getWidth()).doubleValue(), img.getWidth(), "the size on screen");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("kvm exit latency") && text.contains("p50") && text.contains("p99"), "title and percentile lines");
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary file left");
        }
    }

    @Test
    void outliersAreTheLongNonHltExitsAndADoubleClickCentresTheTimelineOnOne(FxRobot robot) throws Exception {
        long threshold = 1_000_000;
        List<Exit> longOnes = exits.stream().filter(x -> x.durationNs() > threshold && !x.reason().equals("hlt")).toList();
        assertEquals(longOnes.size(), FxWait.onFx(() -> robot.lookup("#latency-outliers").queryTableView().getItems().size()));

        // zoom the timeline onto the first 0.1 % of the trace, far from the exit about to be opened
        TimelineView view = window.timelineTab().view();
        TimelineViewport vp = view.viewport();
        robot.interact(() -> window.tabs().getSelectionModel().select(window.timelineTab()));
        robot.interact(() -> view.zoom(1e-3, 0));
        robot.interact(() -> window.tabs().getSelectionModel().select(tab));
        Exit last = longOnes.get(longOnes.size() - 1);
        assertTrue(last.ns() >= vp.end(), "not visible before");

        robot.interact(() -> robot.lookup("#latency-outliers").queryTableView().scrollTo(longOnes.size() - 1));
        AtomicReference<TableRow<?>> row = new AtomicReference<>();
        robot.interact(() -> row.set(robot.lookup("#latency-outliers .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == longOnes.size() - 1).findFirst().orElseThrow()));
        robot.doubleClickOn(row.get());

        assertSame(window.timelineTab(), window.tabs().getSelectionModel().getSelectedItem());
        long exitNs = last.ns(), entryNs = last.ns() + last.durationNs();
        assertTrue(vp.start() <= exitNs && entryNs < vp.end(), "the exit is in the visible window");
        long mid = (vp.start() + vp.end()) / 2;
        assertTrue(Math.abs(mid - (exitNs + entryNs) / 2) <= 2 * vp.nsPerPixel() + 1, "centred on it");
        assertTrue(vp.end() - vp.start() <= 4 * last.durationNs(), "zoomed to it");
        EventStore s = window.session().open().trace().events();
        int ev = window.session().selection().eventProperty().get();
        assertEquals("kvm_exit", s.eventName(ev));
        assertEquals(exitNs, s.ts(ev));
        assertEquals(exitNs, window.session().selection().rangeStartProperty().get());
        assertEquals(entryNs, window.session().selection().rangeEndProperty().get());
    }

    @Test
    void pairingDialogPlotsAnyStartEndPairInTheSameChart(FxRobot robot) throws Exception {
        // softirq_entry → next softirq_exit on the same CPU, from the file
        Map<Integer, Long> open = new HashMap<>();
        List<Long> expected = new ArrayList<>();
        for (Line l : lines) {
            if (l.event().equals("softirq_entry")) open.put(l.cpu(), l.ns());
            else if (l.event().equals("softirq_exit")) {
                Long t = open.remove(l.cpu());
                if (t != null) expected.add(l.ns() - t);
            }
        }
        assertTrue(expected.size() > 1000, "pairs: " + expected.size());
        AtomicReference<PairingDialog> d = new AtomicReference<>();
        robot.interact(() -> d.set(tab.showPairingDialog()));
        robot.interact(() -> {
            d.get().start.setValue("softirq_entry");
            d.get().end.setValue("softirq_exit");
            d.get().key.setValue("cpu");
            ((Button) d.get().getDialogPane().lookupButton(ButtonType.OK)).fire();
        });
        await();
        assertEquals(NestedSvmTrace.log2Counts(expected), shownBuckets());
        assertTrue(FxWait.onFx(() -> tab.viewer().getChart().getTitle().getText()).startsWith("softirq_entry → softirq_exit by cpu"));

        robot.interact(() -> robot.lookup("#latency-exits").queryButton().fire());
        await();
        assertEquals(NestedSvmTrace.log2Counts(durations(x -> true)), shownBuckets(), "back to kvm exits");
    }

    @Test
    void aLinearWidthGivingTooManyBucketsIsRefusedAndTheChartStays(FxRobot robot) throws Exception {
        Map<Long, Long> before = shownBuckets();
        TextField width = robot.lookup("#latency-width").queryAs(TextField.class);
        robot.interact(() -> {
            robot.lookup("#latency-linear").queryAs(RadioButton.class).setSelected(true);
            width.setText("1ns");
            width.fireEvent(new ActionEvent());
        });
        await();
        String status = robot.lookup("#latency-status").queryLabeled().getText();
        assertTrue(status.startsWith("Cannot compute: a width of 1ns makes more than 100,000 buckets"), status);
        assertEquals(before, shownBuckets());
    }
}
