package dev.virtscope.format.perf;

import java.io.IOException;
import java.io.InputStream;

import dev.virtscope.decode.ByteText;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceFormat;
import dev.virtscope.io.LineReader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.stack.StackStoreBuilder;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.TraceBuilder;

/**
 * {@code perf script} text (and Android simpleperf's TAB-separated variant). Tracepoint samples
 * ({@code kvm:kvm_exit: …}) become events in the event store under their name without the system
 * prefix; every sample with a callchain, or with ip/sym/dso on its header line, becomes a stack
 * sample (time, cpu, pid, tid, comm, event, period, frames). A tracepoint recorded with {@code -g}
 * is both. Lines starting with '#' ({@code --header} blocks) are skipped.
 */
public final class PerfScriptFormat implements TraceFormat {
    @Override
    public String name() {
        return "perf-script";
    }

    @Override
    public int probe(byte[] head) {
        PerfHeader h = new PerfHeader();
        PerfFrameLine f = new PerfFrameLine();
        int headers = 0, frames = 0, other = 0;
        int p = 0, lines = 0;
        while (p < head.length && lines < 200) {
            int nl = p;
            while (nl < head.length && head[nl] != '\n') nl++;
            if (nl == head.length && p > 0) break;
            int e = nl > p && head[nl - 1] == '\r' ? nl - 1 : nl;
            lines++;
            if (e > p && head[p] != '#') {
                if (head[p] != '\t' && h.parse(head, p, e) && !ftraceShape(head, p, e)) headers++;
                else if (f.parse(head, p, e)) frames++;
                else other++;
            }
            p = nl + 1;
        }
        if (headers == 0) return 0;
        if (other > (headers + frames)) return 10;
        return frames > 0 ? 90 : 70;
    }

    /** ftrace text has {@code COMM-PID [CPU] FLAGS TIME: event:}; perf script never glues pid to comm with '-'. */
    private static boolean ftraceShape(byte[] b, int s, int e) {
        int br = ByteText.indexOf(b, s, e, (byte) '[');
        if (br <= s) return false;
        int q = br - 1;
        while (q > s && ByteText.isSpace(b[q])) q--;
        while (q > s && ByteText.isDigit(b[q])) q--;
        return b[q] == '-';
    }

    @Override
    public void load(TraceSource source, TraceBuilder out, LoadMonitor monitor) throws IOException {
        try (InputStream in = source.open()) {
            new Loader(out, monitor, source).run(new LineReader(in));
        }
    }

    private static final class Loader {
        private final EventStoreBuilder ev;
        private final StackStoreBuilder st;
        private final LoadMonitor monitor;
        private final TraceSource source;
        private final PerfHeader h = new PerfHeader();
        private final PerfFrameLine f = new PerfFrameLine();
        private boolean inSample;
        private int framesInSample;

        Loader(TraceBuilder out, LoadMonitor monitor, TraceSource source) {
            this.ev = out.events;
            this.st = out.stacks;
            this.monitor = monitor;
            this.source = source;
        }

        void run(LineReader r) throws IOException {
            while (r.next()) {
                if ((r.lineNo() & 0x3fff) == 0) {
                    monitor.checkCancelled();
                    monitor.progress(source.bytesRead(), source.size());
                }
                byte[] b = r.buf();
                int s = r.start(), e = r.end();
                if (s == e || allSpace(b, s, e)) {
                    endSample();
                    continue;
                }
                if (b[s] == '#') continue;
                if (b[s] != '\t' && h.parse(b, s, e)) {
                    header(b);
                } else if (inSample && f.parse(b, s, e)) {
                    frame(b);
                } else if (inSample && framesInSample > 0) {
                    // srcline output (-F +srcline): "  file.c:123" or "  [kernel.kallsyms][addr]" after a frame
                    continue;
                } else {
                    ev.warnings.add(r.lineNo(), inSample ? "neither a callchain frame nor a sample header" : "not a perf script sample header");
                }
            }
            endSample();
            monitor.progress(source.size(), source.size());
        }

        private static boolean allSpace(byte[] b, int s, int e) {
            for (int i = s; i < e; i++) if (!ByteText.isSpace(b[i])) return false;
            return true;
        }

        private void endSample() {
            if (inSample) st.endSample(true);
            inSample = false;
        }

        private void header(byte[] b) {
            endSample();
            int commLen = h.commEnd - h.commStart;
            long ts = h.tsNs;
            int sys = h.systemColon(b);
            int commId = ev.comms.intern(b, h.commStart, commLen);
            if (!(commLen == 5 && ByteText.startsWith(b, h.commStart, h.commEnd, "<...>"))) ev.tasks.seen(h.tid, commId, Math.max(ts, 0));
            if (h.pid >= 0) ev.tasks.tgid(h.tid, h.pid);
            if (sys >= 0) {
                int type = ev.eventType(b, sys + 1, h.eventEnd - sys - 1);
                long ref = ev.payload(b, h.restStart, h.restEnd - h.restStart);
                ev.add(Math.max(ts, 0), h.cpu, h.tid, type, ref);
            }
            double w = h.period >= 0 ? h.period : 1;
            // a sampled event is named without its modifiers (cycles:uppp → cycles) so filters can name it plainly
            int evEnd = h.eventEnd;
            if (sys < 0) {
                int c = ByteText.indexOf(b, h.eventStart, h.eventEnd, (byte) ':');
                if (c > h.eventStart) evEnd = c;
            }
            st.beginSample(ts, h.cpu, h.pid, h.tid, st.comm(b, h.commStart, commLen), st.event(b, h.eventStart, evEnd - h.eventStart), w);
            inSample = true;
            framesInSample = 0;
            if (sys < 0 && h.restEnd > h.restStart && f.parse(b, h.restStart - 1, h.restEnd)) frame(b);
        }

        private void frame(byte[] b) {
            int ss = f.symStart, se = f.symEnd;
            int id;
            if (se - ss == 9 && ByteText.startsWith(b, ss, se, "[unknown]") && f.dsoStart >= 0
                    && !ByteText.startsWith(b, f.dsoStart, f.dsoEnd, "[unknown]")) {
                // like stackcollapse: an unknown symbol is named after its DSO's base name
                int base = f.dsoStart;
                for (int i = f.dsoStart; i < f.dsoEnd; i++) if (b[i] == '/') base = i + 1;
                String name = "[" + new String(b, base, f.dsoEnd - base, java.nio.charset.StandardCharsets.UTF_8) + "]";
                id = st.frameId(name, new String(b, f.dsoStart, f.dsoEnd - f.dsoStart, java.nio.charset.StandardCharsets.UTF_8));
            } else {
                id = st.frameId(b, ss, se - ss, f.dsoStart < 0 ? null : b, f.dsoStart, f.dsoEnd - f.dsoStart);
            }
            st.frame(id);
            framesInSample++;
        }
    }
}
