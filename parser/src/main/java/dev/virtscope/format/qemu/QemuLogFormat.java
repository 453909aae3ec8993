package dev.virtscope.format.qemu;

import java.io.IOException;
import java.io.InputStream;

import dev.virtscope.decode.qemu.QemuArgs;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceFormat;
import dev.virtscope.io.LineReader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.TraceBuilder;

/**
 * QEMU's "log" trace backend output ({@code -trace EVENT -D FILE}): {@code [PREFIX]name args},
 * where args is whatever the event's printf format printed. Prefixes: see {@link LogLinePrefix}.
 * With {@code TID@} prefixes the thread id becomes the event's task (a vCPU thread for vCPU
 * events). Prefix times are wall-clock (gettimeofday / GDateTime), at µs resolution: clock
 * {@code realtime}. Without any prefix there is no time at all: events get their ordinal as a
 * time on a non-ns clock named {@code sequence}. The payload is the args text; fields come from
 * the trace-events format when the definitions are available (options or a trace-events-all
 * beside the file), else the text stays one field.
 */
public final class QemuLogFormat implements TraceFormat {
    @Override
    public String name() {
        return "qemu-log";
    }

    @Override
    public int probe(byte[] head) {
        LogLinePrefix p = new LogLinePrefix();
        int lines = 0, prefixed = 0, bare = 0, s = 0;
        for (int i = 0; i <= head.length && lines < 20; i++) {
            // a last line without '\n' counts only in a file shorter than the probe window
            if (i == head.length ? head.length >= TraceSource.HEAD_SIZE : head[i] != '\n') continue;
            int e = i > s && head[i - 1] == '\r' ? i - 1 : i;
            if (e > s) {
                lines++;
                if (p.parse(head, s, e)) {
                    // with a prefix, any qemu_log line counts (10.1+ prefixes all of them)
                    if (p.kind != LogLinePrefix.NONE) prefixed++;
                    // "name 12.345 pid=…" is simpletrace.py's text, not the log backend's
                    else if (nameEnd(head, p.nameStart, e, false) > 0 && !SimpletraceLine.parse(head, s, e, null)) bare++;
                }
            }
            s = i + 1;
        }
        if (lines == 0) return 0;
        if (prefixed * 10 >= lines * 9) return 85;
        // bare "name args" lines are plausible for many texts: a weak claim other formats outbid
        if (prefixed + bare == lines) return 25;
        return 0;
    }

    /** End of an event name at {@code i} (a word with '_' unless known), followed by space or end; -1 if none. */
    static int nameEnd(byte[] b, int i, int e, boolean anyWord) {
        int s = i;
        boolean underscore = false;
        while (i < e && (Character.isLetterOrDigit(b[i]) || b[i] == '_')) underscore |= b[i++] == '_';
        if (i == s || (i < e && b[i] != ' ') || !(underscore || anyWord)) return -1;
        return i;
    }

    @Override
    public void load(TraceSource source, TraceBuilder out, LoadMonitor monitor) throws IOException {
        EventStoreBuilder b = out.events;
        TraceEventCatalog catalog = TraceEventsFiles.catalogFor(source.path(), out.options);
        LogLinePrefix p = new LogLinePrefix();
        long lastTs = 0;
        boolean timed = false;
        long ordinal = 0;
        // per event type: 0 not checked, 1 an event, 3 an event with the cpu_index of its vCPU thread (in the catalog, or a snake_case name, as all QEMU
        // events are), 2 a word of other qemu_log output; names missing from an older or newer
        // trace-events file are still events, only without a format to decode their arguments
        byte[] known = new byte[64];
        try (InputStream in = source.open()) {
            LineReader r = new LineReader(in);
            while (r.next()) {
                byte[] buf = r.buf();
                int s = r.start(), e = r.end();
                if (s == e) continue;
                if (!p.parse(buf, s, e)) {
                    b.warnings.add(r.lineNo(), "malformed log prefix");
                    continue;
                }
                int ne = nameEnd(buf, p.nameStart, e, true);
                if (ne < 0) {
                    b.warnings.add(r.lineNo(), "not a trace event line (other QEMU log output)");
                    continue;
                }
                int type = b.eventType(buf, p.nameStart, ne - p.nameStart);
                if (type >= known.length) known = java.util.Arrays.copyOf(known, Math.max(type + 1, known.length * 2));
                if (known[type] == 0) {
                    String n = b.eventNames.get(type);
                    known[type] = n.indexOf('_') >= 0 || catalog.byName(n) != null ? (byte) 1 : (byte) 2;
                    if (n.equals("kvm_run_exit") || n.equals("kvm_vcpu_ioctl")) known[type] = 3;
                }
                if (known[type] == 2) {
                    b.warnings.add(r.lineNo(), "not a trace event line (other QEMU log output)");
                    continue;
                }
                long ts;
                if (p.kind != LogLinePrefix.NONE) {
                    timed = true;
                    ts = lastTs = p.tsNs;
                } else {
                    ts = timed ? lastTs : ordinal;
                }
                ordinal++;
                int as = ne < e ? ne + 1 : e;
                int tid = Math.max(p.tid, 0);
                b.add(ts, -1, tid, type, b.payload(buf, as, e - as));
                if (p.tid >= 0 && known[type] == 3) {
                    // kvm_run_exit and the KVM_RUN ioctl run on the vCPU's own thread, which the log
                    // prefix names (other vCPU ioctls may come from the main thread during setup)
                    long v = QemuArgs.number(buf, as, e, "cpu_index");
                    boolean onVcpuThread = b.eventNames.get(type).equals("kvm_run_exit") || QemuArgs.number(buf, as, e, "type") == 0xae80;
                    if (onVcpuThread && v >= 0 && v < 1 << 16) b.tasks.vcpu(p.tid, (int) v);
                }
                if ((r.lineNo() & 0xffff) == 0) monitor.checkCancelled();
            }
        }
        if (timed) b.clock("realtime", true);
        else b.clock("sequence", false);
        QemuDecoders.registerFor(b, catalog);
    }
}
