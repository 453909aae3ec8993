package dev.virtscope.gui.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Tab;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.virtscope.gui.MainWindow;
import dev.virtscope.gui.RecentFiles;
import dev.virtscope.gui.TraceReader;
import dev.virtscope.gui.latency.LatencyTab;

/**
 * Renders the Latency and KVM stats tabs on the real nested-SVM capture into target/screenshots
 * (the pictures of docs/user-guide.md come from here) and checks that each is a full window picture
 * with content, not a blank scene.
 */
@ExtendWith(ApplicationExtension.class)
class TabScreenshotsTest {
    private MainWindow window;
    private Preferences prefs;

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

    @Test
    void latencyAndKvmStatsTabsRenderTheCapture(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(NestedSvmTrace.path()));
        FxWait.until(() -> window.session().open() != null);
        LatencyTab latency = (LatencyTab) tab("latency-tab");
        KvmStatsTab stats = (KvmStatsTab) tab("kvm-stats-tab");
        robot.interact(() -> window.tabs().getSelectionModel().select(latency));
        FxWait.until(() -> !latency.busy() && latency.result() != null);
        robot.interact(() -> robot.lookup("#latency-outliers").queryTableView().getSelectionModel().select(0));
        shoot(robot, "latency-tab.png");
        robot.interact(() -> window.tabs().getSelectionModel().select(stats));
        FxWait.until(() -> !stats.busy() && stats.result() != null);
        shoot(robot, "kvm-stats-tab.png");
    }

    private Tab tab(String id) {
        return window.tabs().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        AtomicReference<WritableImage> img = new AtomicReference<>();
        robot.interact(() -> img.set(window.stage().getScene().snapshot(null)));
        BufferedImage b = SwingFXUtils.fromFXImage(img.get(), null);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(b, "png", dir.resolve(name).toFile());
        assertEquals((int) window.stage().getScene().getWidth(), b.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < b.getHeight(); y += 7) for (int x = 0; x < b.getWidth(); x += 7) colours.add(b.getRGB(x, y));
        assertTrue(colours.size() > 20, name + " has content: " + colours.size() + " colours");
    }
}
