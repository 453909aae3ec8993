package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import dev.virtscope.Samples;
import picocli.CommandLine;

/** {@code virtscope flamegraph}: well-formed SVG, readable PNG, search share from an independent count. */
class FlameGraphCommandTest {
    @TempDir
    Path tmp;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = VirtScopeCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    @Test
    void svgOfARealProfileIsWellFormedWithOneGroupPerDrawnFrame() throws Exception {
        Path svg = tmp.resolve("fg.svg");
        String in = Samples.path("public/flamegraph/test/perf-vertx-stacks-01.txt").toString();
        assertEquals(0, run(new StringWriter(), new StringWriter(), "flamegraph", in, "--out", svg.toString(), "--minwidth", "0"));
        Document d = parse(svg);
        NodeList groups = d.getElementsByTagName("g");
        assertTrue(groups.getLength() > 100, "frames: " + groups.getLength());
        assertEquals(1, d.getElementsByTagName("script").getLength());
    }

    @Test
    void namesWithMarkupQuotesAndControlCharactersStayWellFormed() throws Exception {
        Path folded = tmp.resolve("nasty.folded");
        String nasty = "RegExp:[&<>\"'] \u0001\u0007bell;<init>&\"q\";x\u001b[0m 3\nmain;a<b>c 2\n";
        Files.writeString(folded, nasty, StandardCharsets.UTF_8);
        Path svg = tmp.resolve("nasty.svg");
        assertEquals(0, run(new StringWriter(), new StringWriter(), "flamegraph", folded.toString(), "--out", svg.toString(),
                "--title", "t<&>\"'\u0002", "--search", "<init>"));
        Document d = parse(svg);
        String all = d.getDocumentElement().getTextContent();
        assertTrue(all.contains("<init>&\"q\""), all);
        assertTrue(all.contains("a<b>c"), all);
        assertTrue(!all.contains("\u0001") && !all.contains("\u001b"));
    }

    @Test
    void pngIsReadableAtTheRequestedWidth() throws Exception {
        Path png = tmp.resolve("fg.png");
        String in = Samples.path("generated/folded/folded-cpuclock.txt").toString();
        assertEquals(0, run(new StringWriter(), new StringWriter(), "flamegraph", in, "--out", png.toString(), "--width", "800"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        // 16 px per level plus the title and details bands (36 + 34 px): levels = deepest stack + the root
        int deepest = 0;
        for (String l : Files.readAllLines(Path.of(in))) deepest = Math.max(deepest, l.substring(0, l.lastIndexOf(' ')).split(";").length);
        assertEquals((deepest + 1) * 16 + 36 + 34, img.getHeight());
    }

    @Test
    void searchShareEqualsTheCountOfMatchingLines() throws Exception {
        String in = Samples.path("generated/folded/folded-cpuclock.txt").toString();
        Pattern p = Pattern.compile("kvm_");
        long all = 0, hit = 0;
        for (String l : Files.readAllLines(Path.of(in))) {
            long c = Long.parseLong(l.substring(l.lastIndexOf(' ') + 1));
            all += c;
            if (List.of(l.substring(0, l.lastIndexOf(' ')).split(";")).stream().anyMatch(f -> p.matcher(f).find())) hit += c;
        }
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "flamegraph", in, "--out", tmp.resolve("s.svg").toString(), "--search", "kvm_"));
        assertEquals(String.format(java.util.Locale.ROOT, "matched: %.2f%%", 100.0 * hit / all), out.toString().trim());
    }

    @Test
    void differentialAndIcicleRender() throws Exception {
        String after = Samples.path("generated/folded/folded-cpuclock.txt").toString();
        String before = Samples.path("generated/folded/folded-cpuclock-pid-kernel.txt").toString();
        Path svg = tmp.resolve("diff.svg");
        assertEquals(0, run(new StringWriter(), new StringWriter(), "flamegraph", after, "--diff", before, "--normalize", "--icicle",
                "--out", svg.toString()));
        assertTrue(Files.readString(svg).contains("baseline"));
        parse(svg);
    }

    @Test
    void unreadableInputIsExitThree() {
        StringWriter err = new StringWriter();
        assertEquals(3, run(new StringWriter(), err, "flamegraph", tmp.resolve("missing.txt").toString(), "--out", tmp.resolve("x.svg").toString()));
        assertTrue(err.toString().contains("missing.txt"));
    }
}
