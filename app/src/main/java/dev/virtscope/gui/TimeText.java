package dev.virtscope.gui;

import dev.virtscope.store.EventStore;

/**
 * How a trace's timestamps are printed. ns clocks print seconds with 6 decimals (as ftrace does)
 * unless some timestamp has sub-µs digits, then 9; counter clocks (x86-tsc, counter) have no unit
 * and print the raw count. Deltas are µs for ns clocks, counts otherwise.
 */
public final class TimeText {
    private final boolean ns;
    private final int decimals;

    private TimeText(boolean ns, int decimals) {
        this.ns = ns;
        this.decimals = decimals;
    }

    public static TimeText of(EventStore s) {
        if (!s.nsClock()) return new TimeText(false, 0);
        // one pass over the time column when a trace opens: cheap, and avoids hiding ns digits
        for (int i = 0, n = s.size(); i < n; i++) {
            if (s.ts(i) % 1000 != 0) return new TimeText(true, 9);
        }
        return new TimeText(true, 6);
    }

    public static TimeText nanoseconds() {
        return new TimeText(true, 9);
    }

    public boolean isNs() {
        return ns;
    }

    /** Column header of absolute times. */
    public String timeHeader() {
        return ns ? "Time (s)" : "Time (count)";
    }

    public String deltaHeader() {
        return ns ? "Δ prev (µs)" : "Δ prev (count)";
    }

    public String absolute(long t) {
        if (!ns) return Long.toString(t);
        StringBuilder sb = new StringBuilder(24);
        if (t < 0) {
            sb.append('-');
            t = -t;
        }
        sb.append(t / 1_000_000_000L).append('.');
        long frac = t % 1_000_000_000L;
        if (decimals == 6) frac /= 1000;
        String f = Long.toString(frac);
        for (int k = f.length(); k < decimals; k++) sb.append('0');
        return sb.append(f).toString();
    }

    /** A difference of two timestamps: µs with 3 decimals for ns clocks. */
    public String delta(long d) {
        if (!ns) return Long.toString(d);
        StringBuilder sb = new StringBuilder(16);
        if (d < 0) {
            sb.append('-');
            d = -d;
        }
        sb.append(d / 1000).append('.');
        long frac = d % 1000;
        if (frac < 100) sb.append('0');
        if (frac < 10) sb.append('0');
        return sb.append(frac).toString();
    }

    /** A duration for humans: "1.234567 s", "12.345 ms", "850 ns" (or a count for counter clocks). */
    public String duration(long d) {
        if (!ns) return d + " ticks";
        if (d >= 1_000_000_000L) return String.format(java.util.Locale.ROOT, "%.6f s", d / 1e9);
        if (d >= 1_000_000L) return String.format(java.util.Locale.ROOT, "%.3f ms", d / 1e6);
        if (d >= 1_000L) return String.format(java.util.Locale.ROOT, "%.3f µs", d / 1e3);
        return d + " ns";
    }
}
