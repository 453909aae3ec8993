package dev.virtscope.format.ftrace;

import java.io.IOException;
import java.io.InputStream;

import dev.virtscope.decode.ByteText;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.io.LineReader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.LostEvents;
import dev.virtscope.store.Warnings;

/**
 * Reads ftrace-style text (kernel {@code trace}/{@code trace_pipe}, {@code trace-cmd report}) line by
 * line into the event store: events, header facts ({@code #P:N}, overwritten entries, {@code cpus=N}),
 * lost-event markers, tasks. A line it cannot use becomes a warning and the load goes on.
 */
final class FtraceTextImporter {
    private static final int CHECK_EVERY = 4096;

    private final EventStoreBuilder out;
    private final boolean report;
    private final FtraceLine line = new FtraceLine();
    private final TaskLearner tasks;
    private final EventKinds kinds;
    private final LostMarkers lost;
    private final NameCache names;
    private boolean clockSet;

    /** @param report true for trace-cmd report text (event names padded with spaces) */
    /** The previous line was a text event (or its continuation): an indented unparsable line continues it. */
    private boolean lastWasEvent;

    /** How the first event's time was written (null before the first event): it decides the clock. */
    FtraceLine.TimeKind firstTimeKind;

    FtraceTextImporter(EventStoreBuilder out, boolean report) {
        this(out, report, null);
    }

    /** @param taskLog where task findings go when this importer reads one chunk of a file; null: the task table */
    FtraceTextImporter(EventStoreBuilder out, boolean report, TaskLog taskLog) {
        this.out = out;
        this.report = report;
        this.tasks = new TaskLearner(out, taskLog);
        this.kinds = new EventKinds(out);
        this.lost = new LostMarkers(out.lost);
        this.names = new NameCache(out.eventNames);
    }

    void load(TraceSource src, LoadMonitor monitor) throws IOException {
        try (InputStream in = src.open()) {
            LineReader lr = new LineReader(in);
            while (lr.next()) {
                long no = lr.lineNo();
                if ((no & (CHECK_EVERY - 1)) == 0) {
                    monitor.checkCancelled();
                    monitor.progress(src.bytesRead(), src.size());
                }
                if (lr.truncated()) out.warnings.add(no, "line longer than " + LineReader.DEFAULT_MAX_LINE + " bytes, cut");
                line(lr.buf(), lr.start(), lr.end(), no);
            }
        }
        lost.finish();
        tasks.inferVcpuProcesses();
    }

    void line(byte[] b, int s, int e, long no) {
        int i = ByteText.skipSpaces(b, s, e);
        if (i == e) return;
        if (b[i] == '#') {
            int t = e;
            while (t > i && ByteText.isSpace(b[t - 1])) t--;
            if (!lost.line(b, i, t, no)) Headers.ftraceHeader(b, i, t, out, lost, no);
            return;
        }
        if (line.parse(b, s, e, report)) {
            lastWasEvent = event(b) == EventKinds.TEXT;
            return;
        }
        boolean continues = lastWasEvent && i > s;
        lastWasEvent = false;
        if (marker(b, i, e, no)) return;
        if (continues) {
            // a trace_printk/bprint text holding '\n' goes on, indented, on the next line of the file
            continuation(b, s, e);
            lastWasEvent = true;
            return;
        }
        // past the kept warnings only the count matters: skip building the text
        out.warnings.add(no, out.warnings.count() < Warnings.KEPT ? line.reason + ": " + preview(b, i, e) : line.reason);
    }

    private void continuation(byte[] b, int s, int e) {
        dev.virtscope.store.Payload prev = new dev.virtscope.store.Payload();
        out.viewPayload(out.lastPayload(), prev);
        int plen = prev.end - prev.start;
        byte[] joined = new byte[plen + 1 + (e - s)];
        System.arraycopy(prev.bytes, prev.start, joined, 0, plen);
        joined[plen] = '\n';
        System.arraycopy(b, s, joined, plen + 1, e - s);
        out.replaceLastPayload(out.payload(joined, 0, joined.length));
    }

    /** Adds the parsed line as an event; returns its kind. */
    private byte event(byte[] b) {
        FtraceLine l = line;
        if (!clockSet) {
            clockSet = true;
            firstTimeKind = l.timeKind;
            clock(l.timeKind, out);
        }
        long ts = l.ts;
        int type = l.nameStart >= 0 ? names.intern(b, l.nameStart, l.nameEnd - l.nameStart)
                : kinds.messageType(b, l.payloadStart, l.payloadEnd);
        out.add(ts, l.cpu, l.pid, type, out.payload(b, l.payloadStart, l.payloadEnd - l.payloadStart));
        tasks.line(l, b, ts);
        lost.event(l.cpu, ts);
        byte kind = kinds.kind(type);
        switch (kind) {
            case EventKinds.SCHED_SWITCH -> tasks.schedSwitch(b, l.payloadStart, l.payloadEnd, ts);
            case EventKinds.SCHED_WAKEUP, EventKinds.SCHED_TASK -> tasks.wakeup(b, l.payloadStart, l.payloadEnd, ts);
            case EventKinds.TASK_RENAME -> tasks.rename(b, l.payloadStart, l.payloadEnd, ts);
            default -> {
            }
        }
        return kind;
    }

    /** The clock a trace has, from how its first event's time was written. */
    static void clock(FtraceLine.TimeKind first, EventStoreBuilder out) {
        switch (first) {
            case INTEGER, VERBOSE_RAW -> out.clock("counter", false);
            case LATENCY_US -> out.clock("relative", true);
            default -> {
            }
        }
    }

    /** Lost-event lines and the trace-cmd report header lines; false if the line is none of them. */
    private boolean marker(byte[] b, int s, int e, long no) {
        while (e > s && ByteText.isSpace(b[e - 1])) e--; // these lines end where their text ends
        for (int prefixes = 0; prefixes < 3; prefixes++) {
            if (lost.line(b, s, e, no) || Headers.reportHeader(b, s, e, out)) return true;
            // "tc-extract-default.dat: cpus=2", "kvmsample: CPU:0 [LOST 3 EVENTS]"
            int c = ByteText.indexOf(b, s, e, ": ");
            if (c < 0) return false;
            s = ByteText.skipSpaces(b, c + 2, e);
        }
        return false;
    }

    static String preview(byte[] b, int s, int e) {
        return new String(b, s, Math.min(e - s, 80), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Marker kinds kept per CPU until the next event on that CPU gives them a time. */
    static final class LostMarkers {
        private final LostEvents lost;
        private int[] pendingIndex = new int[8];
        private int[] pendingCpu = new int[8];
        private int pending;
        private long lastTs = Long.MIN_VALUE;

        LostMarkers(LostEvents lost) {
            this.lost = lost;
        }

        /**
         * {@code CPU:N [LOST M EVENTS]}, {@code CPU:N [M EVENTS DROPPED]}, {@code CPU:N [EVENTS DROPPED]},
         * {@code CPU:N [SUBBUFFER START]} (not a loss, only accepted) and {@code ##### CPU N buffer started ####}.
         */
        boolean line(byte[] b, int s, int e, long no) {
            if (ByteText.startsWith(b, s, e, "CPU:")) {
                int j = s + 4, k = j;
                while (k < e && ByteText.isDigit(b[k])) k++;
                long cpu = ByteText.parseDecimal(b, j, k);
                if (cpu < 0 || !ByteText.startsWith(b, k, e, " [") || b[e - 1] != ']') return false;
                int in = k + 2, end = e - 1;
                if (ByteText.startsWith(b, in, end, "SUBBUFFER START")) return true;
                if (ByteText.startsWith(b, in, end, "EVENTS DROPPED")) return add((int) cpu, -1, LostEvents.Kind.DROPPED, no);
                if (ByteText.startsWith(b, in, end, "LOST ")) {
                    int n0 = in + 5, n1 = n0;
                    while (n1 < end && ByteText.isDigit(b[n1])) n1++;
                    long n = ByteText.parseDecimal(b, n0, n1);
                    return n >= 0 && ByteText.startsWith(b, n1, end, " EVENTS") && add((int) cpu, n, LostEvents.Kind.LOST, no);
                }
                int n1 = in;
                while (n1 < end && ByteText.isDigit(b[n1])) n1++;
                long n = ByteText.parseDecimal(b, in, n1);
                return n >= 0 && ByteText.startsWith(b, n1, end, " EVENTS DROPPED") && add((int) cpu, n, LostEvents.Kind.DROPPED, no);
            }
            if (ByteText.startsWith(b, s, e, "##### CPU ")) {
                int j = s + 10, k = j;
                while (k < e && ByteText.isDigit(b[k])) k++;
                long cpu = ByteText.parseDecimal(b, j, k);
                return cpu >= 0 && ByteText.startsWith(b, k, e, " buffer started") && add((int) cpu, -1, LostEvents.Kind.BUFFER_STARTED, no);
            }
            return false;
        }

        boolean add(int cpu, long count, LostEvents.Kind kind, long no) {
            if (pending == pendingIndex.length) {
                pendingIndex = java.util.Arrays.copyOf(pendingIndex, pending * 2);
                pendingCpu = java.util.Arrays.copyOf(pendingCpu, pending * 2);
            }
            pendingIndex[pending] = lost.size();
            pendingCpu[pending] = cpu;
            pending++;
            lost.add(Long.MIN_VALUE, cpu, count, kind, no);
            return true;
        }

        /** An event on cpu at ts: markers waiting for that CPU (or for any, cpu -1) take its time. */
        void event(int cpu, long ts) {
            lastTs = ts;
            if (pending == 0) return;
            int keep = 0;
            for (int k = 0; k < pending; k++) {
                if (pendingCpu[k] == cpu || pendingCpu[k] < 0) {
                    lost.setTime(pendingIndex[k], ts);
                } else {
                    pendingIndex[keep] = pendingIndex[k];
                    pendingCpu[keep++] = pendingCpu[k];
                }
            }
            pending = keep;
        }

        /** Markers after the last event of their CPU get the time of the last event read. */
        void finish() {
            for (int k = 0; k < pending; k++) lost.setTime(pendingIndex[k], lastTs);
            pending = 0;
        }
    }
}
