package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.stage.Stage;

import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import dev.virtscope.Samples;
import dev.virtscope.store.EventStore;
import dev.virtscope.view.timeline.TimelineExport;
import dev.virtscope.view.timeline.TimelineMarks;
import dev.virtscope.view.timeline.TimelinePainter;
import dev.virtscope.view.timeline.TimelineRow;
import dev.virtscope.view.timeline.VcpuStateLane;

/**
 * The nested SVM capture in the window: vCPU 1's state bar (drawn by the painter the window and the
 * exports share) is green exactly between kvm_entry and kvm_exit lines of the file and in the exit's
 * colour between kvm_exit and kvm_entry; hovering an MSR exit names it; exports stay valid files.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineVcpuStatesTest {
    private static final Path SAMPLE = Samples.path("captured/nested/nested-svm-inner-smp2-secs5.ftrace.txt.xz");
    /** vCPU 1 runs its MTRR-programming loop here: an MSR exit every ~40 µs */
    private static final long FROM = 21_160_000_000L, TO = 21_162_500_000L;
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.*?)-(\\d+)\\s+\\[(\\d+)\\]\\s+\\S+\\s+(\\d+)\\.(\\d{6}):\\s+(\\w+):\\s*(.*)$");

    private MainWindow window;
    private Preferences prefs;

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("dev/virtscope/test/" + UUID.randomUUID());
        window = new MainWindow(stage, TraceReader.standard(), new RecentFiles(prefs));
        stage.setWidth(1250);
        stage.setHeight(520);
        stage.show();
    }

    @AfterEach
    void forgetPreferences() throws BackingStoreException {
        prefs.removeNode();
    }

    /** Lines of tid 120 that change its state, from the file: [ts ns, kind] with kind entry / exit:REASON / uexit / out / in. */
    private static List<Object[]> vcpu1StateLines() throws Exception {
        List<Object[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new XZCompressorInputStream(Files.newInputStream(SAMPLE)), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                Matcher m = LINE.matcher(l);
                if (!m.matches()) continue;
                long ts = Long.parseLong(m.group(4)) * 1_000_000_000L + Long.parseLong(m.group(5)) * 1000L;
                String ev = m.group(6), payload = m.group(7);
                boolean mine = m.group(2).equals("120");
                if (mine && ev.equals("kvm_entry")) out.add(new Object[] {ts, "entry"});
                else if (mine && ev.equals("kvm_exit")) out.add(new Object[] {ts, "exit:" + payload.replaceAll(".*reason (\\S+) rip.*", "$1")});
                else if (mine && ev.equals("kvm_userspace_exit")) out.add(new Object[] {ts, "uexit"});
                else if (mine && ev.equals("kvm_msr")) out.add(new Object[] {ts, "msr:" + payload});
                else if (ev.equals("sched_switch") && payload.contains("prev_pid=120 ")) out.add(new Object[] {ts, "out"});
                else if (ev.equals("sched_switch") && payload.contains("next_pid=120 ")) out.add(new Object[] {ts, "in"});
            }
        }
        return out;
    }

    @Test
    void vcpuRowShowsGuestAndExitColoursWhereTheFileSaysAndTheTooltipNamesTheExit(FxRobot robot, @TempDir Path tmp) throws Exception {
        robot.interact(() -> window.open(SAMPLE));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.session().open() != null);
        robot.interact(() -> window.tabs().getSelectionModel().select(window.timelineTab()));
        TimelineView view = window.timelineTab().view();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.states() != null);
        robot.interact(() -> {
            view.viewport().show(FROM, TO);
            view.redraw();
        });
        EventStore s = window.session().open().trace().events();
        List<TimelineRow> rows = view.rows();
        int r = 0;
        while (!rows.get(r).label().startsWith("vCPU 1 ")) r++;
        double rowTop = rowTop(rows, r);
        double nsPerPixel = view.viewport().nsPerPixel();
        int width = view.viewport().width();

        // the export path: the same painter as the screen, into a picture
        BufferedImage img = TimelineExport.image(s, view.states(), rows, view.viewport(), TimelineMarks.EMPTY, Long::toString);
        VcpuStateLane lane = new VcpuStateLane(view.states());
        int y = (int) (rowTop + VcpuStateLane.BAR_TOP + 2);
        List<Object[]> lines = vcpu1StateLines();
        int guestPixels = 0, exitPixels = 0;
        for (int k = 0; k + 1 < lines.size(); k++) {
            long a = (long) lines.get(k)[0];
            String kind = (String) lines.get(k)[1];
            if (kind.startsWith("msr:")) continue;
            int next = k + 1;
            while (next < lines.size() && ((String) lines.get(next)[1]).startsWith("msr:")) next++;
            if (next >= lines.size()) break;
            long b = (long) lines.get(next)[0];
            if (b <= FROM || a >= TO || !(kind.equals("entry") || kind.startsWith("exit:"))) continue;
            // pixels lying wholly inside [a, b): one state there, whatever the pixel rounding
            for (int px = 0; px < width; px++) {
                long t0 = FROM + (long) Math.ceil(px * nsPerPixel), t1 = FROM + (long) Math.ceil((px + 1) * nsPerPixel);
                if (t0 < a || t1 > b) continue;
                int rgb = img.getRGB((int) TimelinePainter.LABEL_WIDTH + px, y) & 0xFFFFFF;
                if (kind.equals("entry")) {
                    assertEquals(VcpuStateLane.GUEST, rgb, "guest at pixel " + px);
                    guestPixels++;
                } else {
                    String reason = kind.substring(5);
                    int id = view.states().exits().reasonIdOf(reason);
                    assertEquals(lane.colourOfReason(id), rgb, reason + " exit at pixel " + px);
                    exitPixels++;
                }
            }
        }
        assertTrue(guestPixels > 100 && exitPixels > 100, guestPixels + " guest, " + exitPixels + " exit pixels");

        // hover the middle of the first MSR exit of the window: state, reason, MSR index, duration
        int k = 0;
        while (!(((long) lines.get(k)[0]) >= FROM && lines.get(k)[1].equals("exit:msr"))) k++;
        long exitTs = (long) lines.get(k)[0];
        String msrLine = (String) lines.get(k + 1)[1];
        long entryTs = (long) lines.get(k + 2)[0];
        String msr = msrLine.replaceAll("msr:msr_(read|write) (\\w+) .*", "$2");
        double x = TimelinePainter.LABEL_WIDTH + ((exitTs + entryTs) / 2.0 - FROM) / nsPerPixel;
        robot.moveTo(view.localToScreen(x, rowTop + 6));
        WaitForAsyncUtils.waitForFxEvents();
        String tip = view.tooltip().getText();
        assertTrue(view.tooltip().isVisible());
        assertNotNull(tip);
        assertTrue(tip.startsWith("in host (exit): msr  " + window.session().open().time().duration(entryTs - exitTs)), tip);
        assertTrue(tip.contains("MSR 0x" + msr), tip);
        // the user guide's picture of this view, when the system property virtscope.docs.images names its folder
        String docs = System.getProperty("virtscope.docs.images");
        if (docs != null) {
            javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
            robot.interact(() -> shot[0] = window.stage().getScene().snapshot(null));
            ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot[0], null), "png",
                    Path.of(docs).resolve("timeline-nested-svm.png").toFile());
        }

        // exports of this view are still valid PNG and SVG, with the vCPU row and the exit legend
        Path png = tmp.resolve("nested.png"), svg = tmp.resolve("nested.svg");
        robot.interact(() -> {
            try {
                view.export(png);
                view.export(svg);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(TimelineExport.heightFor(rows), read.getHeight());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        NodeList texts = doc.getElementsByTagName("text");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) shown.add(texts.item(i).getTextContent());
        assertTrue(shown.contains(rows.get(r).label()) && shown.contains("guest") && shown.contains("msr"), shown.toString());
        String svgText = Files.readString(svg).toLowerCase(Locale.ROOT).replace(" ", "");
        assertTrue(svgText.contains("#2ca02c") || svgText.contains("rgb(44,160,44)"), "guest bars in the SVG");
    }

    @Test
    void ctrlDragAndZZoomIntoARangeAndAClickOnOtherTasksOpensIt(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SAMPLE));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.session().open() != null);
        robot.interact(() -> window.tabs().getSelectionModel().select(window.timelineTab()));
        TimelineView view = window.timelineTab().view();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.states() != null);
        var vp = view.viewport();
        double y = TimelinePainter.AXIS_HEIGHT + TimelinePainter.GROUP_HEIGHT + TimelinePainter.ROW_HEIGHT / 2;
        double x0 = TimelinePainter.LABEL_WIDTH + vp.width() * 0.2, x1 = TimelinePainter.LABEL_WIDTH + vp.width() * 0.4;
        long a = vp.timeAt(x0 - TimelinePainter.LABEL_WIDTH), b = vp.timeAt(x1 - TimelinePainter.LABEL_WIDTH);
        double fitted = vp.nsPerPixel();

        // Ctrl+drag: the dragged range fills the plot
        robot.press(javafx.scene.input.KeyCode.CONTROL).drag(view.localToScreen(x0, y)).dropTo(view.localToScreen(x1, y))
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Selection sel = window.session().selection();
        long from = Math.min(sel.rangeStartProperty().get(), sel.rangeEndProperty().get());
        long to = Math.max(sel.rangeStartProperty().get(), sel.rangeEndProperty().get());
        assertEquals(from, vp.start());
        assertEquals((to - from) / (double) vp.width(), vp.nsPerPixel(), 1e-6 * vp.nsPerPixel());
        assertTrue(Math.abs(from - a) <= 2 * fitted && Math.abs(to - b) <= 2 * fitted, "the dragged times");

        // F fits again; Z zooms into the range still selected
        robot.type(javafx.scene.input.KeyCode.F);
        assertEquals(fitted, vp.nsPerPixel(), fitted * 1e-9);
        robot.type(javafx.scene.input.KeyCode.Z);
        assertEquals(from, vp.start());

        // the "Other tasks" summary row opens into one row per process on a click on its label
        List<TimelineRow> before = view.rows();
        int other = before.size() - 1;
        assertEquals(dev.virtscope.view.timeline.TimelineRows.OTHER, before.get(other).toggle());
        robot.clickOn(view.localToScreen(40, rowTop(before, other) + TimelinePainter.ROW_HEIGHT / 2));
        assertTrue(view.rows().size() > before.size(), "processes listed");
        assertTrue(view.rows().get(other).label().startsWith("▾ "), view.rows().get(other).label());
    }

    /** Top of row r when the first row is at the top: axis, one heading per group so far, rows above. */
    private static double rowTop(List<TimelineRow> rows, int r) {
        double top = TimelinePainter.AXIS_HEIGHT;
        String group = null;
        for (int i = 0; i <= r; i++) {
            if (!rows.get(i).group().equals(group)) {
                group = rows.get(i).group();
                top += TimelinePainter.GROUP_HEIGHT;
            }
            if (i < r) top += TimelinePainter.ROW_HEIGHT;
        }
        return top;
    }
}
