package dev.virtscope.format.ftrace;

import dev.virtscope.decode.ByteWords;
import dev.virtscope.io.LineReader;
import dev.virtscope.store.BuilderScratch;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.PayloadArena;

/**
 * One chunk of an ftrace-style text, parsed on its own: events, payloads, names, lost markers and
 * warnings go to a builder of its own, task findings to a {@link TaskLog}; line numbers count from 1
 * at the chunk's first line. {@link ChunkMerger} puts chunks together in file order. A chunk other
 * than the first starts with an event line, so no line of it depends on the chunk before.
 */
final class FtraceChunk {
    /** Without an expected count: lines of a typical ftrace text are ≥ 64 bytes long. */
    private static final int MIN_LINE_BYTES = 64;

    final EventStoreBuilder part;
    /** The arrays part fills, to be handed to a later chunk once part is appended; null if part has its own. */
    final BuilderScratch scratch;
    final TaskLog tasks = new TaskLog();
    /** Lines in the chunk. */
    long lines;
    /** How the chunk's first event wrote its time (null when it has no event). */
    FtraceLine.TimeKind firstTimeKind;

    private FtraceChunk(EventStoreBuilder part, BuilderScratch scratch) {
        this.part = part;
        this.scratch = scratch;
    }

    /**
     * Parses b[from, to) line by line as {@link LineReader} splits a stream: '\n' ends a line, a
     * trailing '\r' is dropped, a line of maxLine bytes or more is cut to maxLine with a warning.
     * Payloads are copied, once each, when the chunk is parsed: into payloads, the arena of the
     * builder the chunk will be appended to (shared by the parser threads), or, when null, the
     * chunk's own arena. The columns are those of scratch when not null.
     */
    static FtraceChunk parse(byte[] b, int from, int to, boolean report, int maxLine, PayloadArena payloads, BuilderScratch scratch) {
        int expected = (to - from) / MIN_LINE_BYTES;
        FtraceChunk c = scratch != null ? new FtraceChunk(new EventStoreBuilder(scratch), scratch)
                : new FtraceChunk(new EventStoreBuilder(expected), null);
        c.part.deferPayloads(b, expected);
        FtraceTextImporter imp = new FtraceTextImporter(c.part, report, c.tasks);
        long no = 0;
        int pos = from;
        while (pos < to) {
            int lim = (int) Math.min(to, (long) pos + maxLine);
            int nl = indexOfNewline(b, pos, lim);
            int end, next;
            boolean cut = false;
            if (nl >= 0) {
                end = nl;
                next = nl + 1;
            } else if (lim - pos >= maxLine) {
                end = pos + maxLine;
                cut = true;
                int rest = indexOfNewline(b, end, to);
                next = rest < 0 ? to : rest + 1;
            } else {
                end = to; // the last line of the file, without '\n'
                next = to;
            }
            if (end > pos && b[end - 1] == '\r') end--;
            no++;
            if (cut) c.part.warnings.add(no, "line longer than " + LineReader.DEFAULT_MAX_LINE + " bytes, cut");
            imp.line(b, pos, end, no);
            pos = next;
        }
        c.part.placePayloads(payloads != null ? payloads : c.part.arena);
        c.lines = no;
        c.firstTimeKind = imp.firstTimeKind;
        return c;
    }

    static int indexOfNewline(byte[] b, int from, int to) {
        return ByteWords.indexOf(b, from, to, (byte) '\n');
    }
}
