package dev.virtscope.view.flame;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.virtscope.view.paint.Painter;

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
    private double fontSize = DEFAULT_FONT_SIZE;

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
    public void fillRect(double x, double y, double w, double h, int rgb) {
        String c = color(rgb);
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"")
                .append(n(h)).append("\" fill=\"").append(c).append("\" data-c=\"").append(c).append("\"/>");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"")
                .append(n(y2)).append("\" stroke=\"").append(color(rgb)).append("\"/>");
    }

    @Override
    public void text(String s, double x, double y, int rgb) {
        text(s, x, y, rgb, Align.LEFT);
    }

    @Override
    public void text(String s, double x, double y, int rgb, Align align) {
        frameHasText = true;
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(fontSize)).append('"');
        if (align == Align.MIDDLE) out.append(" text-anchor=\"middle\"");
        if (rgb != 0) out.append(" fill=\"").append(color(rgb)).append('"');
        out.append('>').append(esc(s)).append("</text>");
    }

    @Override
    public double textWidth(String s) {
        return s.length() * fontSize * GLYPH;
    }

    @Override
    public void fontSize(double px) {
        fontSize = px;
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        // labels are already cut to their frame's width; no clip path needed
    }

    @Override
    public void unclip() {
    }

    @Override
    public boolean interactive() {
        return true;
    }

    /** A frame: its data-* attributes (n, p, x, w, l, v, name) drive flame.js; the tooltip is its title. */
    @Override
    public void beginGroup(String tooltip, String... data) {
        out.append("<g class=\"f\"");
        for (int i = 0; i + 1 < data.length; i += 2) out.append(" data-").append(data[i]).append("=\"").append(esc(data[i + 1])).append('"');
        out.append("><title>").append(esc(tooltip)).append("</title>");
        frameHasText = false;
    }

    @Override
    public void endGroup() {
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
