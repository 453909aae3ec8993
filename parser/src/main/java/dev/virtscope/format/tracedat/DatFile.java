package dev.virtscope.format.tracedat;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a trace.dat says besides the ring-buffer pages: layout parameters, the embedded
 * event formats and symbol tables, the options, and where each buffer's per-CPU data lies.
 */
final class DatFile {
    int version;
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    /** Long size of the user space that recorded the file (not the kernel's; see {@link #commitSize}). */
    int userLongSize;
    int pageSize;
    /** v7 compression algorithm ("none", "zlib", "zstd"); "none" for v6. */
    String compression = "none";

    String headerPage = "";
    String headerEvent = "";
    /** Format texts of the ftrace-internal events (function, print, bprint, …), system "ftrace". */
    final List<String> ftraceFormats = new ArrayList<>();
    /** Format texts of the other events, with the system each came from. */
    final List<String> eventFormats = new ArrayList<>();
    final List<String> eventSystems = new ArrayList<>();
    String kallsyms = "";
    String printkFormats = "";
    String cmdlines = "";
    int cpus;

    /** Trace clock of the top buffer ("local" when the file does not say). */
    String clock = "local";
    String uname;
    String tracerVersion;
    long date;
    boolean hasTsc2nsec;
    long tscMult, tscShift, tscOffset;
    /** OFFSET option: added to every timestamp. */
    long tsOffset;
    /** TIME_SHIFT option was present (guest-to-host time mapping); see {@link TimeShift}. */
    TimeShift timeShift;
    final List<Guest> guests = new ArrayList<>();
    final List<Buffer> buffers = new ArrayList<>();

    /** One ring buffer: the top one (name "") or a tracefs instance. */
    static final class Buffer {
        final String name;
        String clock;
        /** v6: the file offset of this buffer's "flyrecord" CPU table; v7: section offset. */
        long tableOffset;
        int[] cpu = new int[0];
        long[] offset = new long[0];
        long[] size = new long[0];
        boolean compressed;

        Buffer(String name) {
            this.name = name;
        }
    }

    /** A guest VM traced together with this host: guest vCPU → host thread running it. */
    record Guest(String name, long traceId, int[] vcpu, int[] hostPid) {
    }
}
