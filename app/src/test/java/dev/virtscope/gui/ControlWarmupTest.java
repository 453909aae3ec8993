package dev.virtscope.gui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The off-screen warm-up styles and lays out real table and tree cells, then lets them go, on pulses of its own. */
@ExtendWith(ApplicationExtension.class)
class ControlWarmupTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void stylesTableAndTreeCellsOnLaterPulsesAndFinishes() throws Exception {
        String css = MainWindow.class.getResource("virtscope.css").toExternalForm();
        ControlWarmup[] w = new ControlWarmup[1];
        WaitForAsyncUtils.asyncFx(() -> {
            w[0] = new ControlWarmup(List.of(css));
            // nothing runs in the pulse that queued it: the window's own first layout comes first
            assertTrue(w[0].pendingProperty().get());
            assertTrue(w[0].cells() == 0);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !w[0].pendingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(w[0].pendingProperty().get());
        // 60 rows of 7 columns and 36 tree rows fit in 1200×700 only partly: some of each were made
        assertTrue(w[0].cells() > 7 + 4, "cells styled: " + w[0].cells());
    }
}
