package dev.virtscope.format.qemu;

import java.io.IOException;
import java.io.InputStream;

import dev.virtscope.decode.ByteText;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceFormat;
import dev.virtscope.io.LineReader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.LostEvents;
import dev.virtscope.store.TraceBuilder;

/**
 * The text printed by QEMU's {@code scripts/simpletrace.py}, every version:
 * {@code NAME DELTA_US [pid=N] {ARG=VALUE}} with an optional trailing space (8.2+).
 * <p>
 * The only time in this text is the delta from the previous record, in µs with 3 decimals, so
 * absolute time is lost: events are placed relative to the first record (time 0) on a clock
 * named {@code relative}. The deltas are sums of whole nanoseconds: QEMU's timestamps are integer
 * ns and {@code '%0.3f' % (ns / 1000.0)} prints them exactly for any delta below ~52 days, so
 * accumulating the printed deltas as integer ns rebuilds the original offsets without drift (a
 * parser that summed floating-point µs would drift by rounding instead). {@code Dropped_Event}
 * records become {@link LostEvents.Kind#QEMU_DROPPED} markers and still advance the clock.
 */
public final class SimpletraceTextFormat implements TraceFormat {
    @Override
    public String name() {
        return "qemu-simpletrace-text";
    }

    @Override
    public int probe(byte[] head) {
        int good = 0, lines = 0, s = 0;
        for (int i = 0; i <= head.length && lines < 20; i++) {
            if (i == head.length || head[i] == '\n') {
                if (i == head.length && s < i && lines > 0) break; // a cut last line proves nothing
                if (i > s) {
                    lines++;
                    if (SimpletraceLine.parse(head, s, i, null)) good++;
                }
                s = i + 1;
            }
        }
        if (lines == 0 || good < lines) return good > 0 && good * 10 >= lines * 9 ? 60 : 0;
        return 90;
    }

    @Override
    public void load(TraceSource source, TraceBuilder out, LoadMonitor monitor) throws IOException {
        EventStoreBuilder b = out.events;
        b.clock("relative", true);
        SimpletraceLine line = new SimpletraceLine();
        long now = 0;
        try (InputStream in = source.open()) {
            LineReader r = new LineReader(in);
            while (r.next()) {
                byte[] buf = r.buf();
                int s = r.start(), e = r.end();
                if (s == e) continue;
                if (!SimpletraceLine.parse(buf, s, e, line)) {
                    b.warnings.add(r.lineNo(), "not a simpletrace.py line");
                    continue;
                }
                now += line.deltaNs;
                int tid = line.pid >= 0 ? line.pid : 0;
                if (line.dropped) {
                    b.lost.add(now, -1, line.droppedCount, LostEvents.Kind.QEMU_DROPPED, r.lineNo());
                    continue;
                }
                int type = b.eventType(buf, s, line.nameEnd - s);
                b.add(now, -1, tid, type, b.payload(buf, line.argsStart, line.argsEnd - line.argsStart));
                if (line.pid >= 0) b.tasks.tgid(tid, line.pid);
                if ((r.lineNo() & 0xffff) == 0) monitor.checkCancelled();
            }
        }
        QemuDecoders.registerFor(b, TraceEventsFiles.catalogFor(source.path(), out.options));
    }
}
