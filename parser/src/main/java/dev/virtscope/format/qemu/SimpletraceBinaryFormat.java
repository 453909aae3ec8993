package dev.virtscope.format.qemu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceFormat;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.LostEvents;
import dev.virtscope.store.TraceBuilder;

/**
 * QEMU's "simple" trace backend binary files (trace/simple.c), log versions 4, 3, 2 and 0.
 * Timestamps are QEMU's {@code get_clock()}, CLOCK_MONOTONIC in ns. Arguments are decoded with the
 * trace-events definitions and stored as simpletrace.py prints them ({@code name=0x… name=b'…'}),
 * so the payload equals the text importer's and one field decoder serves both.
 */
public final class SimpletraceBinaryFormat implements TraceFormat {
    static final long HEADER_ID = 0xffffffffffffffffL;
    static final long MAGIC = 0xf2b177cb0aa429b4L;
    static final long DROPPED_ID = 0xfffffffffffffffeL;
    static final int RECORD_HEADER = 24;
    /** Longest event name accepted in a mapping record. */
    static final int MAX_NAME = 4096;

    @Override
    public String name() {
        return "qemu-simpletrace";
    }

    @Override
    public int probe(byte[] head) {
        if (head.length < 24) return 0;
        for (int k = 0; k < 8; k++) if (head[k] != (byte) 0xff) return 0;
        long le = 0, be = 0;
        for (int k = 0; k < 8; k++) {
            le |= (head[8 + k] & 0xffL) << (8 * k);
            be = (be << 8) | (head[8 + k] & 0xff);
        }
        return le == MAGIC || be == MAGIC ? 100 : 0;
    }

    @Override
    public void load(TraceSource source, TraceBuilder out, LoadMonitor monitor) throws IOException {
        TraceEventCatalog catalog = TraceEventsFiles.required(source.path(), out.options);
        try (InputStream raw = source.open()) {
            new Reader(source, catalog, out.events, monitor, new EndianInput(raw)).read();
        }
        QemuDecoders.registerFor(out.events, catalog);
    }

    /** One pass over one file. */
    private static final class Reader {
        private final TraceSource source;
        private final TraceEventCatalog catalog;
        private final EventStoreBuilder b;
        private final LoadMonitor monitor;
        private final EndianInput in;
        private final SimpletraceArgsText text = new SimpletraceArgsText();
        /** binary event id → catalog definition / store type id, filled from mappings or positions */
        private TraceEventDef[] defOf = new TraceEventDef[256];
        private int[] typeOf = new int[256];
        private String[] nameOf = new String[256];
        private final java.util.Set<String> undeclared = new java.util.HashSet<>();
        private byte[] rec = new byte[4096];
        /** File offset of the record being read: warnings point at the start of a damaged record. */
        private long recordStart;

        Reader(TraceSource source, TraceEventCatalog catalog, EventStoreBuilder b, LoadMonitor monitor, EndianInput in) {
            this.source = source;
            this.catalog = catalog;
            this.b = b;
            this.monitor = monitor;
            this.in = in;
            Arrays.fill(typeOf, -1);
        }

        void read() throws IOException {
            if (in.u64() != HEADER_ID) throw new IOException(source.path() + ": not a QEMU simpletrace (bad header id)");
            long magic = in.u64();
            if (magic != MAGIC) {
                if (Long.reverseBytes(magic) != MAGIC) throw new IOException(source.path() + ": not a QEMU simpletrace (bad magic)");
                in.bigEndian = true;
            }
            long version = in.u64();
            b.clock("mono", true);
            try {
                switch ((int) version) {
                    case 4 -> readV4();
                    case 3, 2 -> {
                        byPosition();
                        readV23(version == 3);
                    }
                    case 0 -> {
                        byPosition();
                        readV0();
                    }
                    default -> throw new IOException(source.path() + ": QEMU simpletrace log version " + version
                            + " is not known (known: 0, 2, 3, 4)");
                }
            } catch (EOFException e) {
                b.warnings.add(recordStart, "trace ends inside the record starting here (QEMU killed while writing?): " + e.getMessage());
            } catch (Damaged e) {
                // records cannot be resynchronised after a bad length: keep what came before
                b.warnings.add(e.offset, e.getMessage() + "; the rest of the file is not read");
            }
        }

        /** Before v4, an event id is the event's position among the trace-events entries. */
        private void byPosition() {
            for (int i = 0; i < catalog.size(); i++) map(i, catalog.get(i).name());
        }

        private void map(long id, String name) {
            if (id < 0 || id > 1 << 20) {
                b.warnings.add(in.offset(), "event id " + id + " out of range");
                return;
            }
            int k = (int) id;
            if (k >= defOf.length) {
                int c = Math.max(k + 1, defOf.length * 2);
                defOf = Arrays.copyOf(defOf, c);
                nameOf = Arrays.copyOf(nameOf, c);
                int old = typeOf.length;
                typeOf = Arrays.copyOf(typeOf, c);
                Arrays.fill(typeOf, old, c, -1);
            }
            nameOf[k] = name;
            defOf[k] = catalog.byName(name);
            typeOf[k] = -1;
        }

        private void readV4() throws IOException {
            long n = 0;
            while (!in.atEnd()) {
                recordStart = in.offset();
                long rectype = in.u64();
                if (rectype == 0) {
                    long id = in.u64();
                    long nameLen = in.u32();
                    // event names are identifiers of a few dozen bytes; a huge length is damage, not a name to allocate for
                    if (nameLen > MAX_NAME) throw new Damaged("mapping record with a name of " + nameLen + " bytes", recordStart);
                    int len = (int) nameLen;
                    ensureRec(len);
                    in.bytes(rec, 0, len);
                    map(id, new String(rec, 0, len, java.nio.charset.StandardCharsets.UTF_8));
                } else if (rectype == 1) {
                    record(true);
                    if ((++n & 0xffff) == 0) monitor.checkCancelled();
                } else {
                    throw new Damaged("unknown record type " + rectype, recordStart);
                }
            }
        }

        private void readV23(boolean hasPid) throws IOException {
            long n = 0;
            while (!in.atEnd()) {
                recordStart = in.offset();
                record(hasPid);
                if ((++n & 0xffff) == 0) monitor.checkCancelled();
            }
        }

        /** One {@code u64 id, u64 ts, u32 length, u32 pid} record and its arguments. */
        private void record(boolean hasPid) throws IOException {
            long at = in.offset();
            long id = in.u64();
            long ts = in.u64();
            long length = in.u32();
            long pid = in.u32();
            if (length < RECORD_HEADER || length > (1 << 24)) throw new Damaged("bad record length " + length, recordStart);
            int argLen = (int) length - RECORD_HEADER;
            ensureRec(argLen);
            in.bytes(rec, 0, argLen);
            int tid = hasPid ? (int) pid : 0;
            if (id == DROPPED_ID) {
                long count = argLen >= 8 ? word(0) : -1;
                b.lost.add(ts, -1, count, LostEvents.Kind.QEMU_DROPPED, at);
                return;
            }
            int k = (int) id;
            if (id < 0 || id >= nameOf.length || nameOf[k] == null) { // compare the long: (int) of a large id is negative
                b.warnings.add(recordStart, "event id " + id + " has no name (no mapping record and not in the trace-events file)");
                return;
            }
            text.reset();
            TraceEventDef d = defOf[k];
            if (d == null) {
                if (undeclared.add(nameOf[k])) {
                    b.warnings.add(recordStart, nameOf[k] + " is logged but not declared in the trace-events file(s); its arguments are not decoded (use the trace-events-all of that QEMU build)");
                }
            } else if (!args(d, argLen)) {
                b.warnings.add(recordStart, d.name() + ": arguments do not fit the record length " + length + " (wrong trace-events file?)");
                return;
            }
            if (typeOf[k] < 0) typeOf[k] = b.eventType(nameOf[k]);
            b.add(ts, -1, tid, typeOf[k], b.payload(text.buf, 0, text.len));
            if (hasPid) b.tasks.tgid(tid, tid); // the simple backend records getpid(): a process, not a thread
        }

        private boolean args(TraceEventDef d, int argLen) {
            int off = 0;
            for (int a = 0; a < d.argCount(); a++) {
                if (d.isString()[a]) {
                    if (off + 4 > argLen) return false;
                    int len = (int) u32At(off);
                    off += 4;
                    if (len < 0 || off + len > argLen) return false;
                    text.bytes(d.argNames().get(a), rec, off, len);
                    off += len;
                } else {
                    if (off + 8 > argLen) return false;
                    text.hex(d.argNames().get(a), u64At(off));
                    off += 8;
                }
            }
            return true;
        }

        /** v0: fixed records of 8 u64 (id, timestamp, six arguments), after a 64-byte header record. */
        private void readV0() throws IOException {
            in.skip(5 * 8);
            while (!in.atEnd()) {
                long at = recordStart = in.offset();
                long id = in.u64();
                long ts = in.u64();
                ensureRec(48);
                in.bytes(rec, 0, 48);
                if (id == DROPPED_ID) {
                    b.lost.add(ts, -1, word(0), LostEvents.Kind.QEMU_DROPPED, at);
                    continue;
                }
                int k = (int) id;
                if (id < 0 || id >= nameOf.length || nameOf[k] == null) { // compare the long: (int) of a large id is negative
                    b.warnings.add(at, "event id " + id + " is not in the trace-events file");
                    continue;
                }
                TraceEventDef d = defOf[k];
                text.reset();
                for (int a = 0; a < Math.min(6, d.argCount()); a++) text.hex(d.argNames().get(a), word(a));
                if (typeOf[k] < 0) typeOf[k] = b.eventType(nameOf[k]);
                b.add(ts, -1, 0, typeOf[k], b.payload(text.buf, 0, text.len));
            }
        }

        private long word(int index) {
            return u64At(index * 8);
        }

        private long u64At(int off) {
            long v = 0;
            if (in.bigEndian) for (int k = 0; k < 8; k++) v = (v << 8) | (rec[off + k] & 0xff);
            else for (int k = 7; k >= 0; k--) v = (v << 8) | (rec[off + k] & 0xff);
            return v;
        }

        private long u32At(int off) {
            long v = 0;
            if (in.bigEndian) for (int k = 0; k < 4; k++) v = (v << 8) | (rec[off + k] & 0xff);
            else for (int k = 3; k >= 0; k--) v = (v << 8) | (rec[off + k] & 0xff);
            return v;
        }

        /** A record that cannot be read: the file is damaged from this offset on. */
        private static final class Damaged extends IOException {
            final long offset;

            Damaged(String message, long offset) {
                super(message + " at offset " + offset);
                this.offset = offset;
            }
        }

        private void ensureRec(int n) {
            if (rec.length < n) rec = new byte[Math.max(n, rec.length * 2)];
        }
    }
}
