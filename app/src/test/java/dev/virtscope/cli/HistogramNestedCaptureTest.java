package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.virtscope.Samples;
import dev.virtscope.analysis.kvm.ExitScan;

/**
 * {@code virtscope histogram} on the real nested SVM capture in each text form: the JSON's log2 buckets
 * equal the classic recipe's computed from a plain regex pairing ({@link ExitScan}) bucket for bucket, for
 * all exits and for the two most frequent reasons; the text output has the same counts; the SVG parses as
 * XML and the PNG decodes.
 */
class HistogramNestedCaptureTest {
    static final List<String> FORMS = NestedCaptures.FORMS;
    private static final Pattern TEXT_BUCKET = Pattern.compile("^\\s*(\\d+) -> (\\d+)\\s*: (\\d+)\\s*\\|", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @ParameterizedTest
    @FieldSource("FORMS")
    void jsonBucketsAndPercentilesEqualThePlainComputation(String sample) throws Exception {
        Path f = Samples.path(sample);
        ExitScan x = ExitScan.of(f);
        List<String> reasons = x.byReason.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Long>> e) -> e.getValue().size()).reversed())
                .map(Map.Entry::getKey).limit(2).toList();
        check(f, x.all(), null);
        for (String reason : reasons) check(f, x.byReason.get(reason), reason);
    }

    private void check(Path f, List<Long> durations, String reason) throws Exception {
        Path out = dir.resolve("h.json");
        List<String> args = new ArrayList<>(List.of("histogram", f.toString(), "--out", out.toString()));
        if (reason != null) args.addAll(List.of("--reason", reason));
        String[] r = KvmStatCommandTest.run(args.toArray(String[]::new));
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(Files.readString(out));
        String what = f.getFileName() + " " + (reason == null ? "all" : reason);

        assertEquals(Set.of("count", "buckets", "percentiles"), KvmStatNestedCaptureTest.names(j), "docs/cli.md histogram .json");
        assertEquals(Set.of("p50", "p90", "p99", "p999", "max"), KvmStatNestedCaptureTest.names(j.get("percentiles")));
        assertEquals(durations.size(), j.get("count").asLong(), what);
        Map<Long, Long> got = new TreeMap<>();
        long expectedLo = -1;
        for (JsonNode b : j.get("buckets")) {
            assertEquals(Set.of("loNs", "hiNs", "count"), KvmStatNestedCaptureTest.names(b));
            long lo = b.get("loNs").asLong(), hi = b.get("hiNs").asLong();
            assertEquals(lo == 0 ? 1 : 2 * lo, hi, what + ": [2^i, 2^(i+1))");
            if (expectedLo >= 0) assertEquals(expectedLo, lo, what + ": buckets are contiguous");
            expectedLo = hi;
            if (b.get("count").asLong() > 0) got.put(lo, b.get("count").asLong());
        }
        assertEquals(ExitScan.log2Buckets(durations), got, what);

        List<Long> sorted = durations.stream().sorted().toList();
        JsonNode p = j.get("percentiles");
        assertEquals(sorted.get(sorted.size() - 1).longValue(), p.get("max").asLong(), what + ": max is exact");
        // HdrHistogram keeps 3 significant digits: within 0.1 % of the exact nearest-rank value
        for (String[] q : new String[][]{{"p50", "50"}, {"p90", "90"}, {"p99", "99"}, {"p999", "99.9"}}) {
            long exact = NestedCaptures.percentile(sorted, Double.parseDouble(q[1]));
            assertEquals(exact, p.get(q[0]).asLong(), exact / 1000.0 + 1, what + " " + q[0]);
            assertTrue(p.get(q[0]).asLong() <= p.get("max").asLong(), what + ": no percentile above the max");
        }

        if (reason == null) {
            String[] text = KvmStatCommandTest.run("histogram", f.toString());
            assertEquals("0", text[0], text[2]);
            Map<Long, Long> fromText = new TreeMap<>();
            Matcher m = TEXT_BUCKET.matcher(text[1]);
            while (m.find()) if (Long.parseLong(m.group(3)) > 0) fromText.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(3)));
            assertEquals(got, fromText, what + ": text output");
        }
    }

    @Test
    void svgIsWellFormedXmlAndPngDecodes() throws Exception {
        Path f = Samples.path(NestedCaptures.SECS5 + "ftrace.txt.xz");
        Path svg = dir.resolve("h.svg"), png = dir.resolve("h.png");
        String[] a = KvmStatCommandTest.run("histogram", f.toString(), "--title", "nested SVM <io> & \"npf\"", "--out", svg.toString());
        assertEquals("0", a[0], a[2]);
        String[] b = KvmStatCommandTest.run("histogram", f.toString(), "--reason", "io", "--width", "640", "--height", "360", "--out", png.toString());
        assertEquals("0", b[0], b[2]);

        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = dbf.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(doc.getDocumentElement().getTextContent().contains("nested SVM <io> & \"npf\""), "the title, escaped in the file");

        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "PNG decodes");
        assertEquals(640, img.getWidth());
        assertEquals(360, img.getHeight());
    }
}
