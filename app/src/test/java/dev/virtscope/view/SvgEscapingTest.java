package dev.virtscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.virtscope.cli.VirtScopeCommand;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.view.timeline.TimelineExport;
import dev.virtscope.view.timeline.TimelineMarks;
import dev.virtscope.view.timeline.TimelineRow;
import dev.virtscope.view.timeline.TimelineRows;
import dev.virtscope.view.timeline.TimelineViewport;

/**
 * Names come from the traced system and can hold anything: a comm or symbol with markup characters
 * {@code <&"'>} and control characters (ESC, BEL, SOH — not allowed in XML 1.0) must still give an
 * SVG that an XML parser reads, showing the name with its markup characters as text and without the
 * control characters.
 */
class SvgEscapingTest {
    /** A comm as prctl(PR_SET_NAME) allows it: 15 bytes, anything but NUL. */
    private static final String COMM = "q<&\"'>\u0001\u001b[1m\u0007";
    private static final String COMM_SHOWN = "q<&\"'>[1m";
    private static final String SYMBOL = "operator<<&\"'>\u0001(x)";
    private static final String SYMBOL_SHOWN = "operator<<&\"'>(x)";

    @TempDir
    Path tmp;

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    static List<String> texts(Document d) {
        List<String> l = new ArrayList<>();
        NodeList n = d.getElementsByTagName("text");
        for (int i = 0; i < n.getLength(); i++) l.add(n.item(i).getTextContent());
        return l;
    }

    /** Built directly: text formats never produce such names, but trace.dat cmdlines and event formats can. */
    @Test
    void timelineSvgOfACommAndEventNameWithMarkupAndControlCharacters() throws Exception {
        EventStoreBuilder b = new EventStoreBuilder();
        int comm = b.comms.intern(COMM);
        b.tasks.seen(4242, comm, 0);
        b.tasks.vcpu(4242, 0);
        int type = b.eventType(SYMBOL);
        byte[] payload = "x".getBytes(StandardCharsets.UTF_8);
        b.add(100, 0, 4242, type, b.payload(payload, 0, 1));
        b.add(200, 0, 4242, type, b.payload(payload, 0, 1));
        EventStore s = b.build("test");
        List<TimelineRow> rows = TimelineRows.of(s);
        TimelineViewport vp = new TimelineViewport();
        vp.setWidth(400);
        vp.fit(s.firstNs(), s.lastNs());
        Path svg = tmp.resolve("timeline.svg");
        TimelineExport.svg(svg, s, rows, vp, TimelineMarks.EMPTY, Long::toString);
        List<String> shown = texts(parse(svg));
        assertTrue(shown.contains("vCPU 0  " + COMM_SHOWN + "-4242"), shown.toString());
        assertTrue(shown.contains(SYMBOL_SHOWN + " (2)"), shown.toString());
    }

    @Test
    void flameGraphSvgOfACommAndSymbolWithMarkupAndControlCharacters() throws Exception {
        Path perf = tmp.resolve("perf.txt");
        Files.writeString(perf, COMM + "  4242 [000]  100.000001:     250000 cpu-clock: \n"
                + "\tffffffff81000001 " + SYMBOL + " (/usr/bin/x)\n\tffffffff81000002 main (/usr/bin/x)\n\n", StandardCharsets.UTF_8);
        Path svg = tmp.resolve("flame.svg");
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = VirtScopeCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("flamegraph", perf.toString(), "--out", svg.toString(), "--minwidth", "0"), err.toString());
        Document d = parse(svg);
        List<String> names = new ArrayList<>();
        NodeList g = d.getElementsByTagName("g");
        for (int i = 0; i < g.getLength(); i++) names.add(((Element) g.item(i)).getAttribute("data-name"));
        assertTrue(names.contains(SYMBOL_SHOWN), names.toString());
        String all = String.join("|", texts(d));
        assertTrue(all.contains("operator<<&\"'>"), all);
    }
}
