package dev.virtscope.gui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The application icon (app/src/main/resources/dev/virtscope/icons, rendered from virtscope.svg by
 * packaging/render-icons.sh) in every size, so the window manager picks the one it needs for the title
 * bar, the task switcher and the dock.
 */
final class AppIcons {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static List<Image> images;

    private AppIcons() {
    }

    /** The icons, loaded once; a missing size is left out rather than failing the window. */
    static synchronized List<Image> images() {
        if (images == null) {
            List<Image> l = new ArrayList<>();
            for (int s : SIZES) {
                try (InputStream in = AppIcons.class.getResourceAsStream("/dev/virtscope/icons/virtscope-" + s + ".png")) {
                    if (in != null) l.add(new Image(in));
                } catch (java.io.IOException e) {
                    // an unreadable resource only costs that icon size
                }
            }
            images = List.copyOf(l);
        }
        return images;
    }

    static void apply(Stage stage) {
        stage.getIcons().setAll(images());
    }
}
