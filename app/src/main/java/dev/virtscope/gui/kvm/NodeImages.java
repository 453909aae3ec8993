package dev.virtscope.gui.kvm;

import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

import dev.virtscope.view.chart.LatencyHistogramChart;

/** A picture of a node as it is on screen (tables have no drawing code of their own to reuse). */
public final class NodeImages {
    private NodeImages() {
    }

    /** Snapshots the node (FX thread) and writes it as PNG through a temporary file. */
    public static void writePng(Node node, Path file) throws IOException {
        WritableImage img = node.snapshot(new SnapshotParameters(), null);
        java.awt.image.BufferedImage b = SwingFXUtils.fromFXImage(img, null);
        LatencyHistogramChart.writeAtomically(file, o -> {
            if (!ImageIO.write(b, "png", o)) throw new IOException("no PNG writer");
        });
    }
}
