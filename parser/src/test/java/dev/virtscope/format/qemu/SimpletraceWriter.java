package dev.virtscope.format.qemu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes binary simpletrace files record by record with the layout of QEMU's trace/simple.c
 * (file header of three u64: header id, magic, log version; v4 records prefixed by a u64 record
 * type, 0 = id→name mapping, 1 = event; event records {@code u64 id, u64 ns, u32 length, u32 pid}
 * then u64 or u32-length-prefixed string arguments; v0 fixed 8×u64 records after a 64-byte header).
 * Used to build test files for log versions no sample covers; it shares no code with the reader.
 */
final class SimpletraceWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;
    final int version;

    SimpletraceWriter(int version, boolean bigEndian) {
        this.version = version;
        this.bigEndian = bigEndian;
        u64(-1L);
        u64(0xf2b177cb0aa429b4L);
        u64(version);
        if (version == 0) for (int i = 0; i < 5; i++) u64(0);
    }

    SimpletraceWriter u64(long v) {
        for (int k = 0; k < 8; k++) out.write((int) (v >>> (bigEndian ? 56 - 8 * k : 8 * k)));
        return this;
    }

    SimpletraceWriter u32(long v) {
        for (int k = 0; k < 4; k++) out.write((int) (v >>> (bigEndian ? 24 - 8 * k : 8 * k)));
        return this;
    }

    SimpletraceWriter mapping(long id, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        u64(0).u64(id).u32(n.length);
        out.writeBytes(n);
        return this;
    }

    /** An event; args are Long (u64) or String (u32 length + bytes). */
    SimpletraceWriter event(long id, long ns, int pid, Object... args) {
        if (version == 0) {
            u64(id).u64(ns);
            for (int i = 0; i < 6; i++) u64(i < args.length ? (Long) args[i] : 0);
            return this;
        }
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        SimpletraceWriter tmp = new SimpletraceWriter(bigEndian);
        for (Object o : args) {
            if (o instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                tmp.u32(b.length);
                tmp.out.writeBytes(b);
            } else {
                tmp.u64((Long) o);
            }
        }
        a.writeBytes(tmp.out.toByteArray());
        if (version == 4) u64(1);
        u64(id).u64(ns).u32(24 + a.size()).u32(version >= 3 ? pid : 0);
        out.writeBytes(a.toByteArray());
        return this;
    }

    private SimpletraceWriter(boolean bigEndian) {
        this.version = -1;
        this.bigEndian = bigEndian;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
