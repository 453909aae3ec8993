package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFilesTest {
    private final Preferences node = Preferences.userRoot().node("dev/virtscope/test/" + UUID.randomUUID());

    @AfterEach
    void remove() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void keepsTheTenNewestFirstWithoutDuplicatesAndSurvivesReload() {
        RecentFiles r = new RecentFiles(node);
        List<Path> added = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path p = Path.of("/traces/t" + i + ".txt");
            added.add(p);
            r.add(p);
        }
        r.add(Path.of("/traces/t5.txt"));
        List<Path> expected = new ArrayList<>();
        expected.add(Path.of("/traces/t5.txt"));
        for (int i = 11; i >= 2 && expected.size() < RecentFiles.MAX; i--) if (i != 5) expected.add(added.get(i));
        assertEquals(expected, r.files());
        assertEquals(expected, new RecentFiles(node).files());
        r.clear();
        assertEquals(List.of(), new RecentFiles(node).files());
    }
}
