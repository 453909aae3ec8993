package dev.virtscope.format.perf;

import dev.virtscope.decode.ByteText;

/**
 * One perf script sample header, parsed from bytes into reusable fields:
 * {@code [VM:n VCPU:n ]COMM PID[/TID] [[CPU]] [TIME:] [PERIOD] EVENT: [REST]}. The comm may hold
 * spaces and digits ({@code CPU 0/KVM}), so the pid is the first token from the left after which
 * the rest of the line parses; separators are any run of spaces or TABs (simpleperf uses TABs).
 */
final class PerfHeader {
    int commStart, commEnd;
    int pid, tid, cpu;
    long tsNs;
    long period;
    int eventStart, eventEnd;
    /** where the text after "event:" starts (payload, or ip/sym/dso of a sample without callchain) */
    int restStart, restEnd;
    int guestVm, guestVcpu;

    private final int[] tokS = new int[64], tokE = new int[64];

    /** Parses b[s,e); false when the line is not a sample header. */
    boolean parse(byte[] b, int s, int e) {
        guestVm = -1;
        guestVcpu = -1;
        int p = ByteText.skipSpaces(b, s, e);
        if (ByteText.startsWith(b, p, e, "VM:")) {
            int q = ByteText.skipSpaces(b, p + 3, e);
            int d = q;
            while (d < e && ByteText.isDigit(b[d])) d++;
            guestVm = (int) ByteText.parseDecimal(b, q, d);
            p = ByteText.skipSpaces(b, d, e);
            if (ByteText.startsWith(b, p, e, "VCPU:")) {
                q = ByteText.skipSpaces(b, p + 5, e);
                d = q;
                while (d < e && ByteText.isDigit(b[d])) d++;
                guestVcpu = (int) ByteText.parseDecimal(b, q, d);
                p = ByteText.skipSpaces(b, d, e);
            }
        }
        int n = 0;
        int i = p;
        while (i < e && n < tokS.length) {
            i = ByteText.skipSpaces(b, i, e);
            if (i >= e) break;
            int t = i;
            while (i < e && !ByteText.isSpace(b[i])) i++;
            tokS[n] = t;
            tokE[n++] = i;
        }
        for (int k = 1; k < n; k++) {
            if (tryFrom(b, k, n, e)) {
                commStart = tokS[0];
                commEnd = tokE[k - 1];
                return true;
            }
        }
        return false;
    }

    private boolean tryFrom(byte[] b, int k, int n, int e) {
        int s = tokS[k], t = tokE[k];
        int slash = ByteText.indexOf(b, s, t, (byte) '/');
        if (slash < 0) {
            if (!number(b, s, t)) return false;
            pid = -1;
            tid = value(b, s, t);
        } else {
            if (!number(b, s, slash) || !number(b, slash + 1, t)) return false;
            pid = value(b, s, slash);
            tid = value(b, slash + 1, t);
        }
        int j = k + 1;
        cpu = -1;
        if (j < n && b[tokS[j]] == '[' && b[tokE[j] - 1] == ']') {
            long c = ByteText.parseDecimal(b, tokS[j] + 1, tokE[j] - 1);
            if (c < 0 || c > Short.MAX_VALUE) return false; // the store keeps CPUs as shorts: refuse rather than wrap
            cpu = (int) c;
            j++;
        }
        tsNs = -1;
        if (j < n && tokE[j] - tokS[j] > 1 && b[tokE[j] - 1] == ':' && ByteText.isDigit(b[tokS[j]])) {
            long v = ByteText.parseTimestampNs(b, tokS[j], tokE[j] - 1);
            if (v != Long.MIN_VALUE) {
                // an integer time is perf's newer %12s microseconds
                tsNs = ByteText.indexOf(b, tokS[j], tokE[j], (byte) '.') < 0 ? v * 1000 : v;
                j++;
            }
        }
        period = -1;
        if (j + 1 < n) {
            long v = ByteText.parseDecimal(b, tokS[j], tokE[j]);
            if (v >= 0) {
                period = v;
                j++;
            }
        }
        if (j >= n) return false;
        int es = tokS[j], ee = tokE[j];
        if (ee - es < 2 || b[ee - 1] != ':') return false;
        boolean nonDigit = false;
        for (int q = es; q < ee - 1; q++) if (!ByteText.isDigit(b[q]) && b[q] != '.') nonDigit = true;
        if (!nonDigit) return false;
        eventStart = es;
        eventEnd = ee - 1;
        restStart = j + 1 < n ? tokS[j + 1] : e;
        restEnd = e;
        while (restEnd > restStart && (b[restEnd - 1] == ' ' || b[restEnd - 1] == '\t')) restEnd--;
        return true;
    }

    /** Digits, or -1 which perf prints for a pid/tid it does not know. */
    private static boolean number(byte[] b, int s, int e) {
        return minusOne(b, s, e) || ByteText.parseDecimal(b, s, e) >= 0;
    }

    private static int value(byte[] b, int s, int e) {
        return minusOne(b, s, e) ? -1 : (int) ByteText.parseDecimal(b, s, e);
    }

    private static boolean minusOne(byte[] b, int s, int e) {
        return e - s == 2 && b[s] == '-' && b[s + 1] == '1';
    }

    /**
     * Index of the ':' separating a tracepoint's system from its name ({@code kvm:kvm_exit}), or -1
     * for a sampled event, whose {@code :suffix} is a modifier list ({@code cycles:uppp}).
     */
    int systemColon(byte[] b) {
        int c = ByteText.indexOf(b, eventStart, eventEnd, (byte) ':');
        if (c < 0) return -1;
        if (eventEnd - c - 1 <= 6) {
            boolean modifiers = true;
            for (int q = c + 1; q < eventEnd; q++) if ("ukhIGHpPSDWe:".indexOf(b[q]) < 0) modifiers = false;
            if (modifiers) return -1;
        }
        return c;
    }
}
