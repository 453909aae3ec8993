package dev.virtscope.gui.latency;

import java.util.Locale;

/** Durations typed by the user: {@code 500} (ns), {@code 500ns}, {@code 2us} / {@code 2µs}, {@code 1.5ms}, {@code 1s}. */
final class DurationText {
    private DurationText() {
    }

    /** The duration in ns, or -1 when the text is not one. */
    static long parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        String[][] units = {{"ns", "1"}, {"us", "1000"}, {"µs", "1000"}, {"ms", "1000000"}, {"s", "1000000000"}};
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                t = t.substring(0, t.length() - u[0].length()).trim();
                unit = Long.parseLong(u[1]);
                break;
            }
        }
        try {
            double v = Double.parseDouble(t);
            return v < 0 || Double.isNaN(v) || Double.isInfinite(v) ? -1 : Math.round(v * unit);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
