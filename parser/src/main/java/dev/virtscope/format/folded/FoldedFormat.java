package dev.virtscope.format.folded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.virtscope.decode.ByteText;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceFormat;
import dev.virtscope.io.LineReader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.stack.StackStoreBuilder;
import dev.virtscope.store.TraceBuilder;

/**
 * Folded stacks ({@code a;b;c 123}, the output of the stackcollapse tools), loaded straight into
 * the stack store: one sample per line weighted by its count, root frame first. Also accepted:
 * decimal counts, a second count (differential input), CRLF, UTF-16 with a BOM, no final newline.
 * Lines starting with '#' are comments; any other line without a count becomes a warning.
 */
public final class FoldedFormat implements TraceFormat {
    @Override
    public String name() {
        return "folded";
    }

    @Override
    public int probe(byte[] head) {
        byte[] h = utf16(head) ? decode(head).getBytes(StandardCharsets.UTF_8) : head;
        FoldedLine f = new FoldedLine();
        int good = 0, bad = 0, p = 0, lines = 0;
        while (p < h.length && lines < 200) {
            int nl = p;
            while (nl < h.length && h[nl] != '\n') nl++;
            if (nl == h.length && p > 0 && h.length >= TraceSource.HEAD_SIZE) break;
            int e = nl > p && h[nl - 1] == '\r' ? nl - 1 : nl;
            lines++;
            if (e > p && h[p] != '#') {
                if (!ByteText.isSpace(h[p]) && f.parse(h, p, e)) good++;
                else bad++;
            }
            p = nl + 1;
        }
        if (good == 0 || bad * 2 > good) return 0;
        return 60;
    }

    static boolean utf16(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF));
    }

    private static String decode(byte[] b) {
        // the BOM selects the byte order; an odd trailing byte of a truncated head is dropped
        int n = b.length & ~1;
        return new String(b, 0, n, StandardCharsets.UTF_16).replace("\uFEFF", "");
    }

    @Override
    public void load(TraceSource source, TraceBuilder out, LoadMonitor monitor) throws IOException {
        StackStoreBuilder st = out.stacks;
        FoldedLine f = new FoldedLine();
        try (InputStream raw = source.open()) {
            InputStream in = raw;
            if (utf16(source.head())) in = new ByteArrayInputStream(decode(raw.readAllBytes()).getBytes(StandardCharsets.UTF_8));
            LineReader r = new LineReader(in);
            while (r.next()) {
                if ((r.lineNo() & 0x3fff) == 0) monitor.checkCancelled();
                byte[] b = r.buf();
                int s = r.start(), e = r.end();
                if (s == e || b[s] == '#') continue;
                if (!f.parse(b, s, e)) {
                    out.events.warnings.add(r.lineNo(), "not a folded stack line (\"frame;frame;... COUNT\")");
                    continue;
                }
                st.beginSample(-1, -1, -1, -1, -1, -1, f.count);
                if (f.two) st.weight2(f.count2);
                int p = s;
                while (p <= f.stackEnd) {
                    int q = p;
                    while (q < f.stackEnd && b[q] != ';') q++;
                    if (q > p) st.frame(st.frameId(b, p, q - p, null, 0, 0));
                    p = q + 1;
                }
                st.endSample(false);
            }
        }
    }
}
