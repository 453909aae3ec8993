package dev.virtscope.format.ftrace;

import dev.virtscope.decode.ByteText;

/**
 * Tells kernel ftrace text from trace-cmd report text by content. Header lines decide when present
 * ({@code # tracer:}, {@code # entries-in-buffer…} → kernel; {@code version = }, {@code cpus=},
 * {@code CPU n is empty} → trace-cmd). Otherwise the first event lines decide: trace-cmd pads event
 * names with spaces to a fixed width ({@code sched_switch:         bash:5670 …}), the kernel writes
 * {@code name: } with one space.
 */
final class FtraceProbe {
    enum Kind { NONE, KERNEL, REPORT }

    private static final int MAX_LINES = 40;

    final Kind kind;
    final int score;

    private FtraceProbe(Kind kind, int score) {
        this.kind = kind;
        this.score = score;
    }

    static FtraceProbe of(byte[] head) {
        int end = head.length;
        // the head may stop inside a line: ignore that partial line unless it is the only one
        if (end == dev.virtscope.io.TraceSource.HEAD_SIZE) {
            int nl = end - 1;
            while (nl > 0 && head[nl] != '\n') nl--;
            if (nl > 0) end = nl;
        }
        FtraceLine line = new FtraceLine();
        int lines = 0, events = 0, padded = 0, unpadded = 0;
        boolean kernelHeader = false, reportHeader = false;
        int s = 0;
        while (s < end && lines < MAX_LINES) {
            int e = ByteText.indexOf(head, s, end, (byte) '\n');
            if (e < 0) e = end;
            int next = e + 1;
            if (e > s && head[e - 1] == '\r') e--;
            int i = ByteText.skipSpaces(head, s, e);
            if (i < e) {
                lines++;
                if (head[i] == '#') {
                    if (ByteText.startsWith(head, i, e, "# tracer:") || ByteText.indexOf(head, i, e, "entries-in-buffer/entries-written:") >= 0)
                        kernelHeader = true;
                } else if (line.parse(head, s, e, false)) {
                    events++;
                    if (line.nameStart >= 0 && line.nameEnd - line.nameStart < 19) {
                        // kernel: "name: payload"; trace-cmd: "name:" padded to 21 columns, then a space
                        boolean pad = line.nameEnd + 2 < e && head[line.nameEnd + 2] == ' ';
                        if (pad) padded++;
                        else unpadded++;
                    }
                } else if (isReportHeader(head, i, e)) {
                    reportHeader = true;
                } else if (!isMarker(head, i, e)) {
                    lines += 2; // unknown lines count against
                }
            }
            s = next;
        }
        if (kernelHeader && (events > 0 || lines < 30)) return new FtraceProbe(Kind.KERNEL, 100);
        if (reportHeader && events > 0) return new FtraceProbe(Kind.REPORT, 100);
        if (events == 0 || events * 10 < lines * 7) return new FtraceProbe(Kind.NONE, 0);
        return new FtraceProbe(padded > unpadded ? Kind.REPORT : Kind.KERNEL, 80);
    }

    private static boolean isReportHeader(byte[] b, int s, int e) {
        for (int k = 0; k < 3; k++) {
            if (ByteText.startsWith(b, s, e, "version = ") || ByteText.startsWith(b, s, e, "cpus=")
                    || (ByteText.startsWith(b, s, e, "CPU ") && ByteText.indexOf(b, s, e, " is empty") > 0)) return true;
            int c = ByteText.indexOf(b, s, e, ": ");
            if (c < 0) return false;
            s = ByteText.skipSpaces(b, c + 2, e);
        }
        return false;
    }

    private static boolean isMarker(byte[] b, int s, int e) {
        return ByteText.indexOf(b, s, e, "CPU:") >= 0 || ByteText.startsWith(b, s, e, "##### CPU ");
    }
}
