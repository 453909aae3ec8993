package dev.virtscope.view.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.gui.SampleLine;
import dev.virtscope.store.EventStore;

/** The timeline written to files by the painter the window uses. */
class TimelineExportTest {
    private static final Path SAMPLE = Samples.path("generated/ftrace/trace-variant-tgid.txt");

    @Test
    void svgHasEveryRowLabelAndTheLegendCounts(@TempDir Path tmp) throws Exception {
        List<SampleLine> lines = SampleLine.all(SAMPLE);
        EventStore s = TraceLoader.standard().load(SAMPLE).events();
        List<TimelineRow> rows = TimelineRows.of(s);
        TimelineViewport vp = fitted(s, 900);
        Path svg = tmp.resolve("timeline.svg");
        TimelineExport.svg(svg, s, rows, vp, TimelineMarks.EMPTY, Long::toString);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        NodeList texts = doc.getElementsByTagName("text");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) shown.add(texts.item(i).getTextContent());
        assertTrue(shown.contains("CPU 0") && shown.contains("CPU 1"), shown.toString());
        SampleLine vcpu0 = lines.stream().filter(l -> l.comm().equals("CPU 0/KVM")).findFirst().orElseThrow();
        assertTrue(shown.contains("vCPU 0  CPU 0/KVM-" + vcpu0.tid()), shown.toString());
        long pio = lines.stream().filter(l -> l.event().equals("kvm_pio")).count();
        assertTrue(shown.contains("kvm_pio (" + pio + ")"), shown.toString());
    }

    @Test
    void pngHasTicksExactlyWhereTheFileHasEvents(@TempDir Path tmp) throws Exception {
        List<SampleLine> lines = SampleLine.all(SAMPLE);
        EventStore s = TraceLoader.standard().load(SAMPLE).events();
        List<TimelineRow> rows = TimelineRows.of(s);
        TimelineViewport vp = fitted(s, 800);
        Path png = tmp.resolve("timeline.png");
        TimelineExport.png(png, s, rows, vp, TimelineMarks.EMPTY, Long::toString);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(TimelineExport.heightFor(rows), img.getHeight());
        assertEquals((int) TimelinePainter.LABEL_WIDTH + 800, img.getWidth());

        // CPU 0's lane: which pixel columns hold an event, from the file
        boolean[] has = new boolean[800];
        for (SampleLine l : lines) {
            if (l.cpu() == 0) has[(int) Math.floor((l.ns() - vp.start()) / vp.nsPerPixel())] = true;
        }
        int y = (int) (TimelinePainter.AXIS_HEIGHT + TimelinePainter.GROUP_HEIGHT + TimelinePainter.ROW_HEIGHT - 3);
        for (int px = 0; px < 800; px++) {
            int rgb = img.getRGB((int) TimelinePainter.LABEL_WIDTH + px, y);
            // ticks are coloured; lane backgrounds and grid lines are grey
            assertEquals(has[px], colourful(rgb), "pixel " + px + " rgb " + Integer.toHexString(rgb));
        }
    }

    private static boolean colourful(int rgb) {
        int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40;
    }

    private static TimelineViewport fitted(EventStore s, int width) {
        TimelineViewport vp = new TimelineViewport();
        vp.setWidth(width);
        vp.fit(s.firstNs(), s.lastNs());
        return vp;
    }
}
