package dev.virtscope.view.paint;

/**
 * Text from a trace (comms, event names) drawn into exported files: control characters and the
 * non-characters U+FFFE/U+FFFF are removed, as XML 1.0 forbids them (an SVG holding one does not
 * open) and they draw as boxes in a PNG. Markup characters are left alone: the SVG writer escapes them.
 */
public final class SafeText {
    private SafeText() {
    }

    public static String clean(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF
                    || (Character.isSurrogate(c) && !pairedSurrogate(s, i));
            if (bad && b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            if (!bad && b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
