package dev.virtscope.gui;

import java.util.Locale;

/** Byte counts for people: 512 B, 1.5 KiB, 12.3 MiB, 2.0 GiB. */
final class ByteSizes {
    private ByteSizes() {
    }

    static String format(long bytes) {
        if (bytes < 1024) return bytes + " B";
        double v = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
