package dev.virtscope.format.tracedat;

import java.io.IOException;

/**
 * The TIME_SHIFT option of a guest's trace.dat: per guest CPU, samples of (guest time, offset to
 * host time, scaling, fraction) measured by trace-cmd's time synchronisation. A guest timestamp
 * becomes host time as {@code (ts * scaling >> fraction) + offset}, the offset interpolated
 * linearly between the two samples around ts when the interpolate flag is set.
 */
final class TimeShift {
    private static final int FLAG_INTERPOLATE = 1;

    final long traceId;
    private final int flags;
    private final long[][] time, offset, scaling;
    private final long[][] fraction;

    private TimeShift(long traceId, int flags, long[][] time, long[][] offset, long[][] scaling, long[][] fraction) {
        this.traceId = traceId;
        this.flags = flags;
        this.time = time;
        this.offset = offset;
        this.scaling = scaling;
        this.fraction = fraction;
    }

    static TimeShift read(DatCursor c, int end) throws IOException {
        long id = c.u64();
        int flags = (int) c.u32();
        int cpus = (int) c.u32();
        if (cpus < 0 || cpus > 65536) throw new IOException("TIME_SHIFT option: implausible CPU count " + cpus);
        long[][] t = new long[cpus][], o = new long[cpus][], s = new long[cpus][], f = new long[cpus][];
        for (int k = 0; k < cpus; k++) {
            int n = c.length(c.u32() * 24, "TIME_SHIFT samples") / 24;
            t[k] = new long[n];
            o[k] = new long[n];
            s[k] = new long[n];
            f[k] = new long[n];
            for (int i = 0; i < n; i++) t[k][i] = c.u64();
            for (int i = 0; i < n; i++) o[k][i] = c.u64();
            for (int i = 0; i < n; i++) s[k][i] = c.u64();
        }
        // newer trace-cmd appends the fraction bits per sample
        for (int k = 0; k < cpus && c.pos + 4 <= end; k++) {
            int n = (int) c.u32();
            for (int i = 0; i < n && c.pos + 8 <= end; i++) {
                long v = c.u64();
                if (i < f[k].length) f[k][i] = v;
            }
        }
        return new TimeShift(id, flags, t, o, s, f);
    }

    /** Guest time on guest CPU cpu → host time. */
    long toHost(int cpu, long ts) {
        if (cpu < 0 || cpu >= time.length || time[cpu].length == 0) return ts;
        long[] t = time[cpu];
        int n = t.length;
        int lo;
        int hi;
        if (ts <= t[0]) {
            lo = hi = 0;
        } else if (ts >= t[n - 1]) {
            lo = hi = n - 1;
        } else {
            int a = 0, b = n - 1;
            while (b - a > 1) {
                int m = (a + b) >>> 1;
                if (t[m] <= ts) a = m;
                else b = m;
            }
            lo = a;
            hi = b;
        }
        long corr = offset[cpu][lo];
        if ((flags & FLAG_INTERPOLATE) != 0 && hi != lo) {
            long delta = t[hi] - t[lo];
            long d = (ts - t[lo]) * (offset[cpu][hi] - offset[cpu][lo]);
            corr = offset[cpu][lo] + (d + delta / 2) / delta;
        }
        long sc = scaling[cpu][lo] == 0 ? 1 : scaling[cpu][lo];
        long scaled = (ts * sc) >> fraction[cpu][lo];
        return scaled + corr;
    }
}
