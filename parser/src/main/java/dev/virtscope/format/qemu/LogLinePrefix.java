package dev.virtscope.format.qemu;

import dev.virtscope.decode.ByteText;

/**
 * The prefixes QEMU puts before a log-backend event: {@code TID@SEC.USEC:} (QEMU 2.10–10.0 with
 * {@code -msg timestamp=on}; very old QEMU always, with the pid), the ISO-8601 UTC
 * {@code 2025-06-05T10:11:12.345678Z } of QEMU 10.1+, or none. Parsed in place from bytes.
 */
final class LogLinePrefix {
    static final int NONE = 0, TID_TIME = 1, ISO = 2;

    int kind;
    int tid;
    long tsNs;
    /** where the event name starts */
    int nameStart;

    /** Reads the prefix of {@code b[s, e)}; false if it starts like a prefix but is malformed. */
    boolean parse(byte[] b, int s, int e) {
        kind = NONE;
        tid = -1;
        nameStart = s;
        int i = s;
        while (i < e && ByteText.isDigit(b[i])) i++;
        if (i > s && i < e && b[i] == '@') return tidTime(b, s, i, e);
        if (i - s == 4 && i < e && b[i] == '-') return iso(b, s, e);
        return true;
    }

    private boolean tidTime(byte[] b, int s, int at, int e) {
        long t = ByteText.parseDecimal(b, s, at);
        int i = at + 1, ss = i;
        while (i < e && ByteText.isDigit(b[i])) i++;
        if (i == ss || i >= e || b[i] != '.') return false;
        long sec = ByteText.parseDecimal(b, ss, i);
        int us = ++i;
        while (i < e && ByteText.isDigit(b[i])) i++;
        if (i == us || i - us > 9 || i >= e || b[i] != ':') return false;
        long frac = ByteText.parseDecimal(b, us, i);
        for (int k = i - us; k < 9; k++) frac *= 10;
        if (t < 0 || t > Integer.MAX_VALUE || sec < 0) return false;
        kind = TID_TIME;
        tid = (int) t;
        tsNs = sec * 1_000_000_000L + frac;
        nameStart = i + 1;
        return true;
    }

    /** {@code YYYY-MM-DDTHH:MM:SS[.f…]Z } (what g_date_time_format_iso8601 gives for UTC). */
    private boolean iso(byte[] b, int s, int e) {
        if (e - s < 21) return false;
        if (b[s + 7] != '-' || b[s + 10] != 'T' || b[s + 13] != ':' || b[s + 16] != ':') return false;
        long y = ByteText.parseDecimal(b, s, s + 4), mo = ByteText.parseDecimal(b, s + 5, s + 7), d = ByteText.parseDecimal(b, s + 8, s + 10);
        long h = ByteText.parseDecimal(b, s + 11, s + 13), mi = ByteText.parseDecimal(b, s + 14, s + 16), se = ByteText.parseDecimal(b, s + 17, s + 19);
        if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60) return false;
        int i = s + 19;
        long frac = 0;
        if (i < e && b[i] == '.') {
            int fs = ++i;
            while (i < e && ByteText.isDigit(b[i])) i++;
            if (i == fs || i - fs > 9) return false;
            frac = ByteText.parseDecimal(b, fs, i);
            for (int k = i - fs; k < 9; k++) frac *= 10;
        }
        if (i + 1 >= e || b[i] != 'Z' || b[i + 1] != ' ') return false;
        long days = daysFromCivil(y, mo, d);
        kind = ISO;
        tsNs = ((days * 24 + h) * 60 + mi) * 60_000_000_000L + se * 1_000_000_000L + frac;
        nameStart = i + 2;
        return true;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(long y, long m, long d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
