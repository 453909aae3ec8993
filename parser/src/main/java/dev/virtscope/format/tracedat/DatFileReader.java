package dev.virtscope.format.tracedat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a trace.dat's metadata (v6 and v7): header, embedded formats, symbol tables, options and
 * the per-CPU data table of every buffer. Layout: trace-cmd's trace-cmd.dat.v6/v7 documents,
 * checked against real files (see docs/formats.md).
 */
final class DatFileReader {
    static final byte[] MAGIC = {0x17, 0x08, 0x44, 't', 'r', 'a', 'c', 'i', 'n', 'g'};

    // option ids (trace-cmd.h enum tracecmd_option_id)
    static final int OPT_DONE = 0, OPT_DATE = 1, OPT_CPUSTAT = 2, OPT_BUFFER = 3, OPT_TRACECLOCK = 4, OPT_UNAME = 5,
            OPT_OFFSET = 7, OPT_CPUCOUNT = 8, OPT_VERSION = 9, OPT_TIME_SHIFT = 12, OPT_GUEST = 13,
            OPT_TSC2NSEC = 14, OPT_HEADER_INFO = 16, OPT_FTRACE_EVENTS = 17, OPT_EVENT_FORMATS = 18,
            OPT_KALLSYMS = 19, OPT_PRINTK = 20, OPT_CMDLINES = 21;

    private final ByteBuffer file;
    private final DatFile out = new DatFile();
    private Codec codec;
    private final List<DatFile.Buffer> v6Buffers = new ArrayList<>();

    private DatFileReader(ByteBuffer file) {
        this.file = file;
    }

    static DatFile read(ByteBuffer file) throws IOException {
        return new DatFileReader(file).read();
    }

    Codec codec() {
        return codec;
    }

    private DatFile read() throws IOException {
        DatCursor c = new DatCursor(file, ByteOrder.LITTLE_ENDIAN, 0);
        for (byte m : MAGIC) if (c.u8() != (m & 0xff)) throw new IOException("not a trace.dat (bad magic)");
        String v = c.cstring();
        try {
            out.version = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IOException("trace.dat version \"" + v + "\" is not a number");
        }
        if (out.version != 6 && out.version != 7)
            throw new IOException("trace.dat version " + out.version + " is not supported (6 and 7 are)");
        out.order = c.u8() == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        out.userLongSize = c.u8();
        c = new DatCursor(file, out.order, c.pos);
        out.pageSize = (int) c.u32();
        if (out.version == 6) readV6(c);
        else readV7(c);
        if (out.buffers.isEmpty()) throw new IOException("trace.dat holds no trace data (no flyrecord buffer)");
        return out;
    }

    // ---- v6: a fixed sequence of blocks, then options, then "flyrecord" ----

    private void readV6(DatCursor c) throws IOException {
        codec = new Codec("none");
        readHeaderInfo(c);
        readFtraceEvents(c);
        readEventFormats(c);
        out.kallsyms = c.string(c.length(c.u32(), "kallsyms"));
        out.printkFormats = c.string(c.length(c.u32(), "printk formats"));
        out.cmdlines = c.string(c.length(c.u64(), "saved cmdlines"));
        out.cpus = cpuCount(c.u32());
        if (c.tag("options  \0")) {
            while (true) {
                int id = c.u16();
                if (id == OPT_DONE) break;
                int size = c.length(c.u32(), "option " + id);
                int end = c.pos + size;
                option(id, c.at(c.pos), end);
                c.pos = end;
            }
        }
        if (c.tag("latency  \0")) throw new IOException("trace.dat holds a latency-tracer text dump, not ring-buffer data");
        if (!c.tag("flyrecord\0")) throw new IOException("trace.dat v6: no \"flyrecord\" block at offset " + c.pos);
        DatFile.Buffer top = new DatFile.Buffer("");
        top.clock = out.clock;
        readV6CpuTable(c, top);
        out.buffers.add(top);
        for (DatFile.Buffer b : v6Buffers) {
            DatCursor t = c.at(b.tableOffset);
            if (!t.tag("flyrecord\0")) throw new IOException("buffer \"" + b.name + "\": no \"flyrecord\" table at offset " + b.tableOffset);
            b.clock = out.clock;
            readV6CpuTable(t, b);
            out.buffers.add(b);
        }
    }

    /** Linux's largest NR_CPUS (x86-64 CONFIG_MAXSMP): a count above it is a damaged header, not a machine. */
    static final int MAX_CPUS = 8192;

    private static int cpuCount(long n) throws IOException {
        if (n > MAX_CPUS) throw new IOException("the header claims " + n + " CPUs, more than Linux supports (" + MAX_CPUS + "): damaged file?");
        return (int) n;
    }

    private void readV6CpuTable(DatCursor c, DatFile.Buffer b) throws IOException {
        int n = out.cpus;
        // 16 bytes (offset, size) per CPU follow: a CPU count the file cannot hold is damage, and is
        // refused before anything is allocated for it
        if (n < 0 || 16L * n > c.remaining())
            throw new IOException("buffer \"" + b.name + "\": " + n + " CPUs claimed, but the CPU table at offset " + c.pos
                    + " has room for " + c.remaining() / 16 + " only (damaged header?)");
        b.cpu = new int[n];
        b.offset = new long[n];
        b.size = new long[n];
        for (int k = 0; k < n; k++) {
            b.cpu[k] = k;
            b.offset[k] = c.u64();
            b.size[k] = c.u64();
        }
    }

    // ---- v7: sections found through chained OPTIONS sections ----

    private void readV7(DatCursor c) throws IOException {
        String alg = c.cstring();
        c.cstring(); // compression library version
        codec = new Codec(alg);
        out.compression = codec.name();
        long next = c.u64();
        long[] sectionAt = new long[32];
        int guard = 0;
        while (next != 0) {
            if (++guard > 1000) throw new IOException("trace.dat v7: options sections form a loop");
            DatCursor s = section(next);
            next = 0;
            while (s.remaining() >= 6) {
                int id = s.u16();
                int size = s.length(s.u32(), "option " + id);
                int end = s.pos + size;
                if (id == OPT_DONE) {
                    if (size >= 8) next = s.u64();
                    break;
                }
                if (id >= OPT_HEADER_INFO && id <= OPT_CMDLINES) sectionAt[id] = s.u64();
                else option(id, s.at(s.pos), end);
                s.pos = end;
            }
        }
        if (sectionAt[OPT_HEADER_INFO] != 0) readHeaderInfo(section(sectionAt[OPT_HEADER_INFO]));
        if (sectionAt[OPT_FTRACE_EVENTS] != 0) readFtraceEvents(section(sectionAt[OPT_FTRACE_EVENTS]));
        if (sectionAt[OPT_EVENT_FORMATS] != 0) readEventFormats(section(sectionAt[OPT_EVENT_FORMATS]));
        if (sectionAt[OPT_KALLSYMS] != 0) {
            DatCursor s = section(sectionAt[OPT_KALLSYMS]);
            out.kallsyms = s.string(s.length(s.u32(), "kallsyms"));
        }
        if (sectionAt[OPT_PRINTK] != 0) {
            DatCursor s = section(sectionAt[OPT_PRINTK]);
            out.printkFormats = s.string(s.length(s.u32(), "printk formats"));
        }
        if (sectionAt[OPT_CMDLINES] != 0) {
            DatCursor s = section(sectionAt[OPT_CMDLINES]);
            out.cmdlines = s.string(s.length(s.u64(), "saved cmdlines"));
        }
        for (DatFile.Buffer b : out.buffers) {
            DatCursor h = new DatCursor(file, out.order, 0).at(b.tableOffset);
            h.u16();
            b.compressed = (h.u16() & 1) != 0 && !codec.name().equals("none");
        }
    }

    /** The body of the section whose header is at offset, decompressed when flagged. */
    private DatCursor section(long offset) throws IOException {
        DatCursor h = new DatCursor(file, out.order, 0).at(offset);
        int id = h.u16();
        int flags = h.u16();
        h.u32(); // string id of the section's name
        int size = h.length(h.u64(), "section " + id);
        if ((flags & 1) == 0 || codec.name().equals("none")) {
            return new DatCursor(file.slice(h.pos, size), out.order, 0);
        }
        int csize = h.length(h.u32(), "compressed section " + id);
        long usize = h.u32();
        Codec.checkClaim(csize, usize, "compressed section " + id);
        byte[] src = h.bytes(csize);
        byte[] dst = new byte[(int) usize];
        codec.decompress(src, 0, csize, dst, 0, dst.length);
        return new DatCursor(ByteBuffer.wrap(dst), out.order, 0);
    }

    // ---- blocks shared by v6 and v7 ----

    private void readHeaderInfo(DatCursor c) throws IOException {
        if (!c.tag("header_page\0")) throw new IOException("no header_page at offset " + c.pos);
        out.headerPage = c.string(c.length(c.u64(), "header_page"));
        if (!c.tag("header_event\0")) throw new IOException("no header_event at offset " + c.pos);
        out.headerEvent = c.string(c.length(c.u64(), "header_event"));
    }

    private void readFtraceEvents(DatCursor c) throws IOException {
        long n = c.u32();
        for (long i = 0; i < n; i++) out.ftraceFormats.add(c.string(c.length(c.u64(), "ftrace event format")));
    }

    private void readEventFormats(DatCursor c) throws IOException {
        long systems = c.u32();
        for (long s = 0; s < systems; s++) {
            String sys = c.cstring();
            long n = c.u32();
            for (long i = 0; i < n; i++) {
                out.eventFormats.add(c.string(c.length(c.u64(), "event format of " + sys)));
                out.eventSystems.add(sys);
            }
        }
    }

    private void option(int id, DatCursor c, int end) throws IOException {
        switch (id) {
            case OPT_DATE -> out.date = parseLong(c.string(end - c.pos));
            case OPT_TRACECLOCK -> out.clock = selectedClock(c.string(end - c.pos));
            case OPT_UNAME -> out.uname = c.string(end - c.pos);
            case OPT_VERSION -> out.tracerVersion = c.string(end - c.pos);
            case OPT_OFFSET -> out.tsOffset += parseLong(c.string(end - c.pos));
            case OPT_CPUCOUNT -> out.cpus = cpuCount(c.u32());
            case OPT_TSC2NSEC -> {
                out.hasTsc2nsec = true;
                out.tscMult = c.u32();
                out.tscShift = c.u32();
                out.tscOffset = c.u64();
            }
            case OPT_TIME_SHIFT -> out.timeShift = TimeShift.read(c, end);
            case OPT_GUEST -> out.guests.add(readGuest(c));
            case OPT_BUFFER -> {
                if (out.version == 6) {
                    long off = c.u64();
                    DatFile.Buffer b = new DatFile.Buffer(c.cstring());
                    b.tableOffset = off;
                    v6Buffers.add(b);
                } else {
                    out.buffers.add(readV7Buffer(c));
                }
            }
            default -> {
                // CPUSTAT (per-CPU ring statistics text), TRACEID, HOOK, PROCMAPS, BTF, MODULES, …: not needed to show events
            }
        }
    }

    private DatFile.Buffer readV7Buffer(DatCursor c) throws IOException {
        long off = c.u64();
        DatFile.Buffer b = new DatFile.Buffer(c.cstring());
        b.tableOffset = off;
        b.clock = c.cstring();
        c.u32(); // page size of this buffer (same as the file's in every file seen)
        int n = c.length(c.u32() * 20, "buffer CPU table") / 20;
        b.cpu = new int[n];
        b.offset = new long[n];
        b.size = new long[n];
        for (int k = 0; k < n; k++) {
            b.cpu[k] = (int) c.u32();
            b.offset[k] = c.u64();
            b.size[k] = c.u64();
        }
        if (b.name.isEmpty()) out.clock = b.clock;
        return b;
    }

    private static DatFile.Guest readGuest(DatCursor c) throws IOException {
        String name = c.cstring();
        long id = c.u64();
        int n = c.length(c.u32() * 8, "guest vCPU table") / 8;
        int[] vcpu = new int[n];
        int[] pid = new int[n];
        for (int k = 0; k < n; k++) {
            vcpu[k] = (int) c.u32();
            pid[k] = (int) c.u32();
        }
        return new DatFile.Guest(name, id, vcpu, pid);
    }

    /** TRACECLOCK lists every clock with the active one in brackets: "[local] global counter …". */
    static String selectedClock(String s) {
        int a = s.indexOf('[');
        int b = s.indexOf(']', a + 1);
        if (a >= 0 && b > a) return s.substring(a + 1, b);
        String t = s.trim();
        return t.isEmpty() ? "local" : t;
    }

    private static long parseLong(String s) {
        String t = s.trim();
        try {
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
