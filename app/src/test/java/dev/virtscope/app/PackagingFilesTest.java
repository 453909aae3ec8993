package dev.virtscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The inputs of packaging/build-packages.sh agree with each other: what the menu entry claims to
 * open is what the .deb registers, double-clicked files reach the launcher, and what postinst
 * installs outside /opt postrm removes. packaging/verify-deb.sh checks the installed result.
 */
class PackagingFilesTest {
    /** Surefire runs in the app module folder. */
    private static final Path LINUX = Path.of("..", "packaging", "linux");

    @Test
    void desktopEntryPassesEveryDoubleClickedFileToTheLauncher() throws IOException {
        Map<String, String> entry = desktopEntry();
        assertEquals("Application", entry.get("Type"));
        assertEquals("/opt/virtscope/bin/virtscope %F", entry.get("Exec"),
                "jpackage installs the launcher there; %F passes each selected file as its own argument");
        assertEquals("virtscope", entry.get("Icon"), "a theme name: postinst installs hicolor sizes, the desktop picks one");
        assertEquals("false", entry.get("Terminal"));
        // Profiling is a registered additional category whose parent is Development
        assertEquals(List.of("Development", "Profiling"), Arrays.asList(entry.get("Categories").split(";")));
    }

    @Test
    void desktopEntryNamesTheWindowClassSoDocksMatchTheWindowToTheEntry() throws IOException {
        // JavaFX on GTK sets WM_CLASS to the Application subclass's name
        assertEquals(dev.virtscope.gui.VirtScopeApp.class.getName(), desktopEntry().get("StartupWMClass"));
    }

    @Test
    void desktopEntryMimeTypesAreExactlyTheRegisteredAssociations() throws IOException {
        Set<String> declared = new TreeSet<>(Arrays.asList(desktopEntry().get("MimeType").split(";")));
        Set<String> registered = new TreeSet<>();
        Set<String> extensions = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(LINUX, "assoc-*.properties")) {
            for (Path f : files) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                registered.add(p.getProperty("mime-type"));
                extensions.add(p.getProperty("extension"));
            }
        }
        assertEquals(Set.of("application/x-trace-cmd-dat", "text/x-folded-stacks", "application/x-virtscope-session"), registered);
        assertEquals(Set.of("dat", "folded", "vsession"), extensions);
        assertEquals(registered, declared);
        assertEquals(registered, mimeXmlTypes().keySet(), "virtscope-mime.xml, which the .deb registers");
        for (Map.Entry<String, String> type : mimeXmlTypes().entrySet()) {
            assertTrue(extensions.contains(type.getValue().substring("*.".length())), type.toString());
        }
    }

    @Test
    void mimeXmlRecognisesTraceCmdDataByItsFirstBytes() throws IOException {
        String xml = Files.readString(LINUX.resolve("virtscope-mime.xml"), StandardCharsets.UTF_8);
        // trace-cmd.dat(5): the file starts with 0x17 0x08 'D' then "tracing"
        assertTrue(xml.contains("<match type=\"string\" offset=\"0\" value=\"\\x17\\x08Dtracing\"/>"), xml);
        byte[] start = Arrays.copyOf(Files.readAllBytes(Path.of("..", "samples", "generated", "trace-cmd", "kvmsample-v7-zstd.dat")), 10);
        assertArrayEquals(new byte[] {0x17, 0x08, 'D', 't', 'r', 'a', 'c', 'i', 'n', 'g'}, start);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 48, 64, 128, 256})
    void iconIsRenderedAtEverySize(int size) throws IOException {
        try (InputStream in = PackagingFilesTest.class.getResourceAsStream("/dev/virtscope/icons/virtscope-" + size + ".png")) {
            assertNotNull(in, "icon resource of size " + size);
            BufferedImage image = ImageIO.read(in);
            assertEquals(size, image.getWidth());
            assertEquals(size, image.getHeight());
            assertTrue(image.getColorModel().hasAlpha(), "rounded corners need transparency");
        }
    }

    @Test
    void postrmRemovesEverythingPostinstInstalls() throws IOException {
        String postinst = Files.readString(LINUX.resolve("postinst"), StandardCharsets.UTF_8);
        String postrm = Files.readString(LINUX.resolve("postrm"), StandardCharsets.UTF_8);
        Matcher installed = Pattern.compile("install -D -m 644 \"[^\"]+\" \"([^\"]+)\"").matcher(postinst);
        List<String> targets = new ArrayList<>();
        while (installed.find()) {
            targets.add(installed.group(1));
        }
        assertEquals(4, targets.size(), "menu entry, MIME XML, PNG sizes (one loop), SVG: " + targets);
        Set<String> removed = new TreeSet<>();
        Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher("");
        postrm.lines().map(String::strip).filter(l -> l.startsWith("rm -f ")).forEach(l -> {
            quoted.reset(l);
            while (quoted.find()) {
                removed.add(quoted.group(1));
            }
        });
        assertTrue(removed.containsAll(targets), "postrm removes " + removed + ", postinst installs " + targets);
        assertEquals(iconSizesLine(postinst), iconSizesLine(postrm));
        assertTrue(postinst.contains("ln -sfn \"$app/bin/virtscope\" /usr/bin/virtscope"));
        assertTrue(postrm.contains("rm -f /usr/bin/virtscope"));
    }

    @Test
    void maintainerScriptsInstallEveryRenderedIconSize() throws IOException {
        String sizes = iconSizesLine(Files.readString(LINUX.resolve("postinst"), StandardCharsets.UTF_8));
        assertEquals("icon_sizes=\"16 32 48 64 128 256\"", sizes, "the sizes iconIsRenderedAtEverySize checks");
    }

    private static String iconSizesLine(String script) {
        return script.lines().filter(l -> l.startsWith("icon_sizes=")).findFirst().orElseThrow();
    }

    /** MIME type to its glob in virtscope-mime.xml. */
    private static Map<String, String> mimeXmlTypes() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(LINUX.resolve("virtscope-mime.xml").toFile());
            assertEquals("http://www.freedesktop.org/standards/shared-mime-info", doc.getDocumentElement().getNamespaceURI());
            Map<String, String> types = new LinkedHashMap<>();
            NodeList list = doc.getElementsByTagNameNS("*", "mime-type");
            for (int i = 0; i < list.getLength(); i++) {
                Element type = (Element) list.item(i);
                Element glob = (Element) type.getElementsByTagNameNS("*", "glob").item(0);
                types.put(type.getAttribute("type"), glob.getAttribute("pattern"));
            }
            return types;
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError("virtscope-mime.xml is not well-formed", e);
        }
    }

    /** Keys of the [Desktop Entry] group. */
    private static Map<String, String> desktopEntry() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        boolean inMain = false;
        for (String line : Files.readAllLines(LINUX.resolve("virtscope.desktop"), StandardCharsets.UTF_8)) {
            if (line.startsWith("[")) {
                inMain = line.equals("[Desktop Entry]");
            } else if (inMain && line.contains("=") && !line.startsWith("#")) {
                keys.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return keys;
    }
}
