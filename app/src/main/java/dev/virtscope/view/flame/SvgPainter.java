package dev.virtscope.view.flame;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes the picture as standalone SVG text with embedded JavaScript (flame.js: hover details,
 * click to zoom, regex search). Every attribute and text is XML-escaped; control characters were
 * removed by the renderer. Labels are truncated by an average glyph width, as the browser's font is
 * unknown here.
 */
public final class SvgPainter implements Painter {
    static final double GLYPH = 0.59;
    private final StringBuilder out = new StringBuilder(1 << 16);
    private double width, height;
    private boolean frameHasText;

    @Override
    public void begin(double w, double h, String title) {
        width = w;
        height = h;
        out.append("<?xml version=\"1.0\" standalone=\"no\"?>\n");
        out.append("<svg version=\"1.1\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
                .append("\" viewBox=\"0 0 ").append(n(w)).append(' ').append(n(h)).append("\" data-xpad=\"").append(n(FlameRenderer.XPAD))
                .append("\" data-inner=\"").append(n(w - 2 * FlameRenderer.XPAD)).append("\" data-fs=\"12\">\n");
        out.append("<title>").append(esc(title)).append("</title>\n");
        out.append("<style>text{font-family:Verdana,sans-serif;fill:#000}g.f:hover rect{stroke:#000;stroke-width:0.5}"
                + "g.f{cursor:pointer}#unzoom,#search{cursor:pointer}</style>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, int rgb) {
        String c = color(rgb);
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"")
                .append(n(h)).append("\" fill=\"").append(c).append("\" data-c=\"").append(c).append("\"/>");
    }

    @Override
    public void text(double x, double y, String s, double size, int rgb, Align align) {
        frameHasText = true;
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size)).append('"');
        if (align == Align.MIDDLE) out.append(" text-anchor=\"middle\"");
        if (rgb != 0) out.append(" fill=\"").append(color(rgb)).append('"');
        out.append('>').append(esc(s)).append("</text>");
    }

    @Override
    public double textWidth(String s, double size) {
        return s.length() * size * GLYPH;
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        // labels are already cut to their frame's width; no clip path needed
    }

    @Override
    public void unclip() {
    }

    @Override
    public void beginFrame(FrameInfo f) {
        out.append("<g class=\"f\" data-n=\"").append(f.node()).append("\" data-p=\"").append(f.parent())
                .append("\" data-x=\"").append(f.xFraction()).append("\" data-w=\"").append(f.widthFraction())
                .append("\" data-l=\"").append(f.level()).append("\" data-v=\"").append(f.weight())
                .append("\" data-name=\"").append(esc(f.name())).append("\"><title>").append(esc(f.tooltip())).append("</title>");
        frameHasText = false;
    }

    @Override
    public void endFrame() {
        // the script expects a text element in every frame, even when no label fits
        if (!frameHasText) out.append("<text x=\"0\" y=\"0\"></text>");
        out.append("</g>\n");
    }

    @Override
    public void end() {
        double fs = 12;
        out.append("<text id=\"details\" x=\"").append(n(FlameRenderer.XPAD)).append("\" y=\"").append(n(height - fs / 2 - 4))
                .append("\" font-size=\"").append(n(fs)).append("\"> </text>\n");
        out.append("<text id=\"unzoom\" x=\"").append(n(FlameRenderer.XPAD)).append("\" y=\"").append(n(fs * 2))
                .append("\" font-size=\"").append(n(fs)).append("\" style=\"opacity:0\">Reset Zoom</text>\n");
        out.append("<text id=\"search\" x=\"").append(n(width - FlameRenderer.XPAD - 60)).append("\" y=\"").append(n(fs * 2))
                .append("\" font-size=\"").append(n(fs)).append("\">Search</text>\n");
        out.append("<text id=\"matched\" x=\"").append(n(width - FlameRenderer.XPAD - 100)).append("\" y=\"").append(n(height - fs / 2 - 4))
                .append("\" font-size=\"").append(n(fs)).append("\"></text>\n");
        out.append("<script type=\"text/ecmascript\"><![CDATA[\n").append(script()).append("]]></script>\n");
        out.append("</svg>\n");
    }

    public String svg() {
        return out.toString();
    }

    private static String script() {
        try (InputStream in = SvgPainter.class.getResourceAsStream("flame.js")) {
            if (in == null) throw new IllegalStateException("flame.js missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("]]>", "]] >");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String color(int rgb) {
        return "rgb(" + ((rgb >> 16) & 0xff) + ',' + ((rgb >> 8) & 0xff) + ',' + (rgb & 0xff) + ')';
    }

    static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** XML text/attribute escaping. */
    static String esc(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (r != null && b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (b != null) {
                if (r != null) b.append(r);
                else b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
