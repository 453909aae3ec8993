package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.virtscope.Samples;

class HistogramCommandTest {
    @TempDir
    Path dir;

    private static Map<Long, Long> log2Counts(List<Long> durations) {
        Map<Long, Long> m = new HashMap<>();
        for (long d : durations) {
            long lo = 1;
            while (lo * 2 <= d) lo *= 2;
            m.merge(lo, 1L, Long::sum);
        }
        return m;
    }

    @Test
    void jsonBucketsOfOneReasonAgreeWithAPlainLog2Count() throws Exception {
        KvmTraceText t = KvmTraceText.make(8, 400);
        Path f = t.write(dir);
        Path out = dir.resolve("h.json");
        String[] r = KvmStatCommandTest.run("histogram", f.toString(), "--reason", "EXTERNAL_INTERRUPT", "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(Files.readString(out));
        List<Long> d = t.byReason.get("EXTERNAL_INTERRUPT");
        assertEquals(d.size(), j.get("count").asLong());
        Map<Long, Long> got = new HashMap<>();
        for (JsonNode b : j.get("buckets")) {
            assertEquals(2 * b.get("loNs").asLong(), b.get("hiNs").asLong());
            if (b.get("count").asLong() > 0) got.put(b.get("loNs").asLong(), b.get("count").asLong());
        }
        assertEquals(log2Counts(d), got);
        assertEquals(d.stream().mapToLong(Long::longValue).max().orElseThrow(), j.get("percentiles").get("max").asLong());
        for (String p : new String[]{"p50", "p90", "p99", "p999"}) assertTrue(j.get("percentiles").has(p));
    }

    @Test
    void svgParsesAsXmlAndPngIsAnImage() throws Exception {
        KvmTraceText t = KvmTraceText.make(9, 200);
        Path f = t.write(dir);
        Path svg = dir.resolve("hist.svg"), png = dir.resolve("hist.png");
        assertEquals("0", KvmStatCommandTest.run("histogram", f.toString(), "--out", svg.toString())[0]);
        assertEquals("0", KvmStatCommandTest.run("histogram", f.toString(), "--linear", "5us", "--out", png.toString())[0]);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(svg))));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertEquals(900, img.getWidth());
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void textAndCsvOutput() throws Exception {
        KvmTraceText t = KvmTraceText.make(10, 100);
        Path f = t.write(dir);
        String[] text = KvmStatCommandTest.run("histogram", f.toString(), "--vcpu", "0");
        assertEquals("0", text[0], text[2]);
        assertTrue(text[1].contains(t.total() / 2 + " samples") && text[1].contains("p99.9"), text[1]);
        Path csv = dir.resolve("h.csv");
        assertEquals("0", KvmStatCommandTest.run("histogram", f.toString(), "--linear", "1000", "--out", csv.toString())[0]);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("loNs,hiNs,count", rows.get(0));
        assertEquals(t.total(), rows.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[2])).sum());
        assertEquals("2", KvmStatCommandTest.run("histogram", f.toString(), "--out", dir.resolve("h.gif").toString())[0]);
        // host vector 0xec (LOCAL_TIMER) is the real EXTERNAL_INTERRUPT line whose intr_info is 0x800000ec
        long timer = t.lines.stream().filter(l -> l.contains("intr_info 0x800000ec")).count();
        String[] v = KvmStatCommandTest.run("histogram", f.toString(), "--subkey", "0xec");
        assertEquals("0", v[0], v[2]);
        assertTrue(v[1].contains(": " + timer + " samples"), v[1]);
    }

    @Test
    void pairAnyEventsOnARealCapture() throws Exception {
        // kvm_pio → kvm_userspace_exit of the same thread in a real ftrace capture
        Path f = Samples.path("generated/ftrace/trace-variant-tgid.txt");
        Path out = dir.resolve("pio.json");
        String[] r = KvmStatCommandTest.run("histogram", f.toString(), "--pair", "kvm_pio:kvm_userspace_exit:tid", "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        // plain scan: last kvm_pio per tid, closed by that tid's next kvm_userspace_exit
        Map<String, Long> open = new HashMap<>();
        List<Long> d = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            if (l.startsWith("#")) continue;
            boolean pio = l.contains(" kvm_pio: "), ue = l.contains(" kvm_userspace_exit: ");
            if (!pio && !ue) continue;
            String tid = l.substring(0, l.indexOf('(')).trim();
            tid = tid.substring(tid.lastIndexOf('-') + 1);
            String[] parts = l.substring(l.indexOf(']') + 1).trim().split("\\s+");
            String[] ts = parts[1].substring(0, parts[1].length() - 1).split("\\.");
            long ns = Long.parseLong(ts[0]) * 1_000_000_000L + Long.parseLong(ts[1]) * 1000L;
            if (pio) open.put(tid, ns);
            else if (open.containsKey(tid)) d.add(ns - open.remove(tid));
        }
        assertFalse(d.isEmpty());
        JsonNode j = new ObjectMapper().readTree(Files.readString(out));
        assertEquals(d.size(), j.get("count").asLong());
        Map<Long, Long> got = new HashMap<>();
        for (JsonNode b : j.get("buckets")) if (b.get("count").asLong() > 0) got.put(b.get("loNs").asLong(), b.get("count").asLong());
        assertEquals(log2Counts(d), got);
    }
}
