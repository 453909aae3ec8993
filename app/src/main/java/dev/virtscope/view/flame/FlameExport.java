package dev.virtscope.view.flame;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import dev.virtscope.stack.StackStore;
import dev.virtscope.stack.flame.FlameTree;
import dev.virtscope.view.paint.Graphics2DPainter;

/** Flame graph files, drawn by {@link FlameRenderer} as the window draws them: PNG, or SVG with flame.js. */
public final class FlameExport {
    private FlameExport() {
    }

    /** The picture as an image, antialiased (frame edges fall between pixels). */
    public static BufferedImage image(FlameTree t, FlameStyle s) {
        BufferedImage img = new BufferedImage((int) Math.ceil(s.width()), (int) Math.ceil(FlameRenderer.height(t, s)),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            FlameRenderer.draw(t, s, new Graphics2DPainter(g));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Standalone interactive SVG text (hover details, click to zoom, search). */
    public static String svg(FlameTree t, FlameStyle s) {
        SvgPainter p = new SvgPainter();
        FlameRenderer.draw(t, s, p);
        return p.svg();
    }

    /** Writes a PNG, or an SVG when the file name ends in .svg. */
    public static void write(Path file, FlameTree t, FlameStyle s) throws IOException {
        // drawn first, then written to a temp file renamed over the target: no half-written file on error
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            String text = svg(t, s);
            dev.virtscope.view.AtomicFiles.write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
        } else {
            java.awt.image.BufferedImage img = image(t, s);
            dev.virtscope.view.AtomicFiles.write(file, tmp -> {
                if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer available");
            });
        }
    }

    /**
     * What the widths add up: perf samples carry a period (events, or ns for cpu-clock) and the
     * graph then adds periods ("period"); folded counts are samples.
     */
    public static String countName(StackStore st) {
        for (int i = 0; i < st.sampleCount(); i++) if (st.ts(i) >= 0 && st.weight(i) != 1) return "period";
        return "samples";
    }
}
