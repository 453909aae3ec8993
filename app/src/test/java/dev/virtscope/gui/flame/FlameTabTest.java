package dev.virtscope.gui.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.virtscope.Samples;
import dev.virtscope.gui.MainWindow;
import dev.virtscope.gui.RecentFiles;
import dev.virtscope.gui.TraceReader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.stack.flame.FlameTree;
import dev.virtscope.view.flame.FlameColors;

/** The Flame graph tab on a real perf capture of a QEMU/KVM guest (perf record -g, cpu-clock). */
@ExtendWith(ApplicationExtension.class)
class FlameTabTest {
    static final String PERF = "captured/perf-callchains/qemu-kvm-linux-smp2.perf-script.txt.xz";
    static final String FOLDED = "captured/perf-callchains/qemu-kvm-linux-smp2.folded-perf-stackcollapse.txt.xz";

    private MainWindow window;
    private Preferences prefs;
    private FlameTabDriver fx;

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

    private PerfSamples openPerf(FxRobot robot) throws Exception {
        fx = new FlameTabDriver(window, robot);
        fx.open(Samples.path(PERF));
        return PerfSamples.read(Samples.path(PERF));
    }

    @Test
    void drawsTheFramesOfEveryProcessOfTheCapture(FxRobot robot) throws Exception {
        PerfSamples file = openPerf(robot);
        FlameTree t = fx.tree();
        assertEquals(file.period(s -> true), t.total(0), 1e-3, "cpu-clock samples add their periods");
        long comms = file.samples().stream().map(PerfSamples.Sample::comm).distinct().count();
        assertEquals(comms, t.childCount(0), "one frame per process name above the stacks");

        int vcpu0 = fx.child(0, "CPU 0/KVM");
        double[] b = fx.canvas().boundsOf(vcpu0);
        int top = fx.pixels().getArgb((int) (b[0] + b[2] / 2), (int) b[1] + 1) & 0xFFFFFF;
        assertEquals(FlameColors.of("CPU 0/KVM"), top, "the vCPU thread's frame is on the canvas");
        assertTrue(fx.countColour(FlameColors.of("CPU 0/KVM")) > b[2] * 10, "a frame-sized area of its colour");

        // hovering shows the samples and share of the frame
        robot.moveTo(fx.canvas().canvas().localToScreen(b[0] + b[2] / 2, b[1] + 2));
        long p0 = file.period(s -> s.comm().equals("CPU 0/KVM"));
        assertEquals(String.format(Locale.ROOT, "CPU 0/KVM (%,d period, %.2f%%)", p0, 100.0 * p0 / file.period(s -> true)),
                robot.lookup("#flame-details").queryAs(Label.class).getText());
    }

    @Test
    void searchShowsTheShareOfTheFoldedProfileUnderMatchingFrames(FxRobot robot) throws Exception {
        openPerf(robot);
        String regex = "kvm_vcpu|ioctl";
        long all = 0, hit = 0;
        Pattern p = Pattern.compile(regex);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new TraceSource(Samples.path(FOLDED)).open(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                int sp = l.lastIndexOf(' ');
                long c = Long.parseLong(l.substring(sp + 1));
                all += c;
                if (Arrays.stream(l.substring(0, sp).split(";")).anyMatch(f -> p.matcher(f).find())) hit += c;
            }
        }
        assertEquals(0, fx.countColour(FlameColors.SEARCH));
        robot.clickOn("#flame-search").write(regex);
        fx.settle();
        assertEquals(String.format(Locale.ROOT, "%.2f%% matched", 100.0 * hit / all), robot.lookup("#flame-matched").queryAs(Label.class).getText());
        assertTrue(fx.countColour(FlameColors.SEARCH) > 0, "matching frames are highlighted");

        robot.write("(");
        assertTrue(robot.lookup("#flame-matched").queryAs(Label.class).getText().startsWith("bad regex"));
        assertEquals(0, fx.countColour(FlameColors.SEARCH));
    }

    @Test
    void clickingAFrameZoomsIntoItAndTheBreadcrumbsLeadBack(FxRobot robot) throws Exception {
        openPerf(robot);
        int vcpu0 = fx.child(0, "CPU 0/KVM");
        double[] b = fx.canvas().boundsOf(vcpu0);
        double before = b[2];
        robot.clickOn(fx.canvas().canvas().localToScreen(b[0] + b[2] / 2, b[1] + 2));
        assertEquals(vcpu0, fx.model().zoomProperty().get(), "the clicked frame is the new root");
        double[] zoomed = fx.canvas().boundsOf(vcpu0);
        assertTrue(zoomed[2] > before, "it now spans the whole width");
        assertEquals(fx.canvas().boundsOf(0)[2], zoomed[2], 1e-9);
        assertEquals("CPU 0/KVM", robot.lookup("#flame-crumb-current").queryAs(Label.class).getText());

        // a child of the zoomed frame: zooming deeper adds a breadcrumb; the first one leads back to the root
        int deeper = fx.tree().childAt(vcpu0, 0);
        double[] c = fx.canvas().boundsOf(deeper);
        robot.clickOn(fx.canvas().canvas().localToScreen(c[0] + c[2] / 2, c[1] + 2));
        assertEquals(deeper, fx.model().zoomProperty().get());
        robot.clickOn(".flame-crumb");
        assertEquals(0, fx.model().zoomProperty().get());
        robot.clickOn(fx.canvas().canvas().localToScreen(b[0] + b[2] / 2, b[1] + 2));
        robot.clickOn("#flame-reset");
        assertEquals(0, fx.model().zoomProperty().get());
    }

    @Test
    void icicleHangsTheRootFromTheTop(FxRobot robot) throws Exception {
        openPerf(robot);
        double[] flame = fx.canvas().boundsOf(0);
        robot.clickOn("#flame-icicle");
        double[] icicle = fx.canvas().boundsOf(0);
        assertTrue(icicle[1] < flame[1], "root above: " + icicle[1] + " < " + flame[1]);
        int vcpu0 = fx.child(0, "CPU 0/KVM");
        assertTrue(fx.canvas().boundsOf(vcpu0)[1] > icicle[1], "children below their parent");
    }

    @Test
    void exportsThePngAndSvgOfTheZoomedSearchedView(FxRobot robot, @TempDir Path tmp) throws Exception {
        openPerf(robot);
        int vcpu0 = fx.child(0, "CPU 0/KVM");
        robot.interact(() -> fx.model().zoomProperty().set(vcpu0));
        search(robot, "ioctl");
        Path png = tmp.resolve("flame.png"), svg = tmp.resolve("flame.svg");
        robot.interact(() -> {
            try {
                fx.tab().export(png);
                fx.tab().export(svg);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals((int) Math.ceil(fx.canvas().canvas().getWidth()), img.getWidth());
        assertEquals((int) Math.ceil(fx.canvas().canvas().getHeight()), img.getHeight());
        long magenta = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == FlameColors.SEARCH) magenta++;
        assertTrue(magenta > 0, "search highlight exported");

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        NodeList groups = doc.getElementsByTagName("g");
        boolean zoomedFull = false;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("data-name").equals("CPU 0/KVM")) zoomedFull = g.getAttribute("data-w").equals("1.0");
        }
        assertTrue(zoomedFull, "the zoomed frame spans the SVG");
        assertTrue(groups.getLength() > 10);
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Matched: "), "search share drawn");
        assertTrue(text.contains("qemu-kvm-linux-smp2.perf-script.txt.xz"), "title");
    }

    /** Puts a regex in the search field (typing it is tested once, above). */
    private void search(FxRobot robot, String regex) throws Exception {
        robot.interact(() -> robot.lookup("#flame-search").queryAs(javafx.scene.control.TextField.class).setText(regex));
        fx.settle();
    }

    /**
     * The user guide's picture: the tab on the capture, searched for KVM's ioctl path, as the scene
     * renders it headless (Monocle, software pipeline). Written to the folder named by the system
     * property virtscope.docs.images when set.
     */
    @Test
    void snapshotOfTheTab(FxRobot robot, @TempDir Path tmp) throws Exception {
        openPerf(robot);
        search(robot, "kvm_vcpu_ioctl");
        int vcpu0 = fx.child(0, "CPU 0/KVM");
        double[] b = fx.canvas().boundsOf(vcpu0);
        robot.moveTo(fx.canvas().canvas().localToScreen(b[0] + b[2] / 2, b[1] + 2));
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = window.stage().getScene().snapshot(null));
        String dir = System.getProperty("virtscope.docs.images");
        Path out = (dir == null ? tmp : Path.of(dir)).resolve("flame-graph.png");
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals((int) window.stage().getScene().getWidth(), img.getWidth());
        Point2D corner = fx.canvas().canvas().localToScene(0, 0);
        // the graph is in the picture (its scroll pane may have scrolled it up to show the root at the bottom)
        javafx.geometry.Bounds inScene = fx.canvas().canvas().localToScene(fx.canvas().canvas().getBoundsInLocal());
        assertTrue(inScene.getMaxY() > 0 && inScene.getMinY() < window.stage().getScene().getHeight(), "canvas in the scene: " + corner);
        assertTrue(Files.size(out) > 10_000, "picture size " + Files.size(out));
        assertFalse(fx.model().busyProperty().get());
    }
}
