package dev.virtscope.format.tracedat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceFormat;
import dev.virtscope.io.Compression;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.IntIntMap;
import dev.virtscope.store.LostEvents;
import dev.virtscope.store.TraceBuilder;

/**
 * trace-cmd's binary trace.dat (versions 6 and 7), read without trace-cmd. Each ring-buffer
 * record becomes one event whose payload is the raw record; {@link TraceDatRecords} (the store's
 * payload renderer) decodes fields and prints the kernel's text lazily. Events of every buffer
 * (top and instances) go into one store by CPU; the buffer names are listed by the renderer.
 */
public final class TraceDatFormat implements TraceFormat {
    @Override
    public String name() {
        return "trace.dat";
    }

    @Override
    public int probe(byte[] head) {
        if (head.length < DatFileReader.MAGIC.length + 1) return 0;
        for (int i = 0; i < DatFileReader.MAGIC.length; i++) if (head[i] != DatFileReader.MAGIC[i]) return 0;
        return 100;
    }

    @Override
    public void load(TraceSource source, TraceBuilder out, LoadMonitor monitor) throws IOException {
        ByteBuffer file = contents(source);
        DatFile dat;
        try {
            dat = DatFileReader.read(file);
        } catch (IOException e) {
            throw new IOException(source.path() + ": " + e.getMessage(), e);
        }
        EventStoreBuilder ev = out.events;
        HeaderPage hp = HeaderPage.parse(dat.headerPage, dat.userLongSize);
        List<EventFormat> formats = new ArrayList<>();
        for (String t : dat.ftraceFormats) add(formats, "ftrace", t);
        for (int i = 0; i < dat.eventFormats.size(); i++) add(formats, dat.eventSystems.get(i), dat.eventFormats.get(i));
        List<String> names = new ArrayList<>();
        for (DatFile.Buffer b : dat.buffers) names.add(b.name);
        TraceDatRecords records = new TraceDatRecords(formats, dat.order == java.nio.ByteOrder.BIG_ENDIAN,
                hp.commitSize, dat.kallsyms, dat.printkFormats, names);
        ev.payloadRenderer(records);
        boolean converted = dat.hasTsc2nsec && dat.tscMult != 0;
        ev.clock(converted ? dat.clock + " (tsc2nsec)" : dat.clock, converted || isNsClock(dat.clock));
        if (dat.cpus > 0) ev.cpusDeclared(dat.cpus);
        for (DatFile.Guest g : dat.guests)
            for (int k = 0; k < g.vcpu().length; k++) ev.tasks.vcpu(g.hostPid()[k], g.vcpu()[k]);

        RecordSink sink = new RecordSink(ev, dat, formats, Cmdlines.parse(dat.cmdlines, ev));
        PageWalker walker = new PageWalker(dat.order == java.nio.ByteOrder.BIG_ENDIAN, hp.commitSize, hp.dataOffset);
        CpuData data = new CpuData(file, dat, new Codec(dat.compression));
        long total = 0;
        for (DatFile.Buffer b : dat.buffers) for (long s : b.size) total += s;
        long done = 0;
        for (DatFile.Buffer b : dat.buffers) {
            for (int k = 0; k < b.cpu.length; k++) {
                if (b.size[k] == 0) continue;
                if (b.cpu[k] < 0 || b.cpu[k] > Short.MAX_VALUE) {
                    ev.warnings.add(-1, "buffer \"" + b.name + "\": CPU number " + b.cpu[k] + " is out of range; its data is skipped");
                    continue;
                }
                try {
                    data.walk(b, k, walker, sink, monitor);
                } catch (IOException e) {
                    ev.warnings.add(-1, "buffer \"" + b.name + "\" CPU " + b.cpu[k] + ": " + e.getMessage());
                }
                done += b.size[k];
                monitor.progress(done, total);
                monitor.checkCancelled();
            }
        }
        if (sink.unknownTypes > 0)
            ev.warnings.add(-1, sink.unknownTypes + " records have an event id the file does not describe; shown as \"unknown\"");
    }

    private static void add(List<EventFormat> l, String system, String text) {
        EventFormat f = EventFormat.parse(system, text);
        if (f != null) l.add(f);
    }

    /** Clocks that count nanoseconds; counter, uptime (jiffies) and x86-tsc (cycles) do not. */
    static boolean isNsClock(String c) {
        return !(c.equals("counter") || c.equals("uptime") || c.equals("x86-tsc") || c.equals("tsc"));
    }

    /** The decompressed file: memory-mapped when stored plain, read into memory when gzip/xz/zstd'd. */
    private static ByteBuffer contents(TraceSource source) throws IOException {
        if (source.compression() == Compression.NONE) {
            try (FileChannel ch = FileChannel.open(source.path(), StandardOpenOption.READ)) {
                long n = ch.size();
                if (n > Integer.MAX_VALUE)
                    throw new IOException(source.path() + ": trace.dat files over 2 GiB are not supported (" + n + " bytes)");
                return ch.map(FileChannel.MapMode.READ_ONLY, 0, n);
            }
        }
        try (InputStream in = source.open()) {
            byte[] all = in.readNBytes(Integer.MAX_VALUE - 16);
            return ByteBuffer.wrap(all);
        }
    }

    /** Turns walked records into store rows. */
    private static final class RecordSink implements PageWalker.Sink {
        private final EventStoreBuilder ev;
        private final DatFile dat;
        private final IntIntMap typeOfId = new IntIntMap(-1);
        private final EventFormat[] byIdDense;
        private final DatTaskLearner learner;
        private final RecordReader reader;
        private final int typeOff, typeSize, pidOff, pidSize;
        int unknownTypes;
        int unknownType = -1;

        RecordSink(EventStoreBuilder ev, DatFile dat, List<EventFormat> formats, IntIntMap commOfPid) {
            this.ev = ev;
            this.dat = dat;
            this.reader = new RecordReader(dat.order == java.nio.ByteOrder.BIG_ENDIAN);
            int max = 0;
            for (EventFormat f : formats) max = Math.max(max, f.id);
            byIdDense = new EventFormat[Math.min(max + 1, 1 << 16)];
            this.learner = new DatTaskLearner(ev, commOfPid, reader, formats, byIdDense.length - 1);
            for (EventFormat f : formats) if (f.id < byIdDense.length) byIdDense[f.id] = f;
            EventFormat any = formats.isEmpty() ? null : formats.get(0);
            EventFormat.Field t = any == null ? null : any.field("common_type");
            EventFormat.Field p = any == null ? null : any.field("common_pid");
            typeOff = t == null ? 0 : t.offset;
            typeSize = t == null ? 2 : t.size;
            pidOff = p == null ? 4 : p.offset;
            pidSize = p == null ? 4 : p.size;
        }

        @Override
        public void record(int cpu, long ts, byte[] page, int off, int len) {
            if (len < pidOff + pidSize) return;
            int id = (int) reader.integer(page, off + typeOff, typeSize, false);
            int pid = (int) reader.integer(page, off + pidOff, pidSize, true);
            int type = typeOfId.get(id);
            if (type < 0) {
                EventFormat f = id < byIdDense.length ? byIdDense[id] : null;
                if (f == null) {
                    unknownTypes++;
                    if (unknownType < 0) unknownType = ev.eventType("unknown");
                    type = unknownType;
                } else {
                    type = ev.eventType(f.name);
                    typeOfId.put(id, type);
                }
            }
            long t = time(cpu, ts);
            int comm = learner.cmdlineComm(pid);
            if (comm >= 0) ev.tasks.seen(pid, comm, t);
            learner.record(id, pid, page, off, len, t);
            ev.add(t, cpu, pid, type, ev.payload(page, off, len));
        }

        @Override
        public void missed(int cpu, long ts, long count) {
            ev.lost.add(time(cpu, ts), cpu, count, LostEvents.Kind.DROPPED, -1);
        }

        private long time(int cpu, long ts) {
            if (dat.timeShift != null) ts = dat.timeShift.toHost(cpu, ts);
            if (dat.hasTsc2nsec && dat.tscMult != 0) {
                // mul_u64_u32_shr: the 96-bit product shifted right, without overflow
                long hi = Math.multiplyHigh(ts, dat.tscMult) + ((ts >> 63) & dat.tscMult);
                long lo = ts * dat.tscMult;
                int sh = (int) dat.tscShift;
                // the option's offset is not added: trace-cmd's reader (timestamp_calc) does not add it either
                ts = sh == 0 ? lo : (lo >>> sh) | (hi << (64 - sh));
            }
            return ts + dat.tsOffset;
        }
    }
}
