package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.virtscope.Samples;

/**
 * The commands docs/cli.md shows beside its pictures ({@code ./virtscope … --out docs/images/NAME}) run as
 * written — with the output sent to a temporary folder instead — and make a well-formed SVG or a PNG that
 * decodes; the picture they name is in docs/images.
 */
class CliDocsPicturesTest {
    @TempDir
    Path dir;

    /** Each {@code ./virtscope …} command of the code blocks, continuation lines joined, split like a shell would. */
    static List<List<String>> commands(Path md) throws Exception {
        List<List<String>> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(md, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.startsWith("./virtscope ")) continue;
            StringBuilder cmd = new StringBuilder();
            while (l.endsWith("\\")) {
                cmd.append(l, 0, l.length() - 1).append(' ');
                l = lines.get(++i).strip();
            }
            cmd.append(l);
            out.add(words(cmd.substring("./virtscope ".length())));
        }
        return out;
    }

    /** Shell words: spaces separate, double quotes group. */
    static List<String> words(String s) {
        List<String> w = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false, any = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) w.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) w.add(cur.toString());
        return w;
    }

    @Test
    void everyPictureCommandRunsAndItsPictureIsInDocs() throws Exception {
        Path repo = Samples.root().getParent();
        List<List<String>> cmds = commands(repo.resolve("docs/cli.md")).stream().filter(c -> c.contains("--out")).toList();
        assertTrue(cmds.size() >= 4, "flame graph and histogram pictures: " + cmds);
        for (List<String> c : cmds) {
            List<String> args = new ArrayList<>(c);
            int o = args.indexOf("--out") + 1;
            String picture = args.get(o);
            assertTrue(Files.isRegularFile(repo.resolve(picture)), picture + " is in the repository");
            Path tmp = dir.resolve(Path.of(picture).getFileName());
            args.set(o, tmp.toString());
            for (int i = 0; i < args.size(); i++) if (args.get(i).startsWith("samples/")) args.set(i, repo.resolve(args.get(i)).toString());
            String[] r = KvmStatCommandTest.run(args.toArray(String[]::new));
            assertEquals("0", r[0], c + ": " + r[2]);
            if (picture.endsWith(".svg")) {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                assertEquals("svg", f.newDocumentBuilder().parse(tmp.toFile()).getDocumentElement().getNodeName(), picture);
            } else {
                BufferedImage img = ImageIO.read(tmp.toFile());
                assertNotNull(img, picture);
            }
        }
    }
}
