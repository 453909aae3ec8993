package dev.virtscope.app;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inputs of packaging/build-packages.sh agree with each other: what the menu entry claims to
 * open is what the .deb registers, and double-clicked files reach the launcher.
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
        assertEquals("/opt/virtscope/lib/virtscope.png", entry.get("Icon"), "where jpackage puts --icon");
        assertEquals("false", entry.get("Terminal"));
        assertEquals(List.of("Development", "Profiling"), Arrays.asList(entry.get("Categories").split(";")));
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
    void postinstKeepsJpackagesDesktopCommands() throws IOException {
        String postinst = Files.readString(LINUX.resolve("postinst"), StandardCharsets.UTF_8);
        assertTrue(postinst.contains("DESKTOP_COMMANDS_INSTALL"), "jpackage replaces this with xdg-desktop-menu/xdg-mime install");
        assertTrue(postinst.contains("mkdir -p /usr/share/applications /usr/share/desktop-directories"));
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
