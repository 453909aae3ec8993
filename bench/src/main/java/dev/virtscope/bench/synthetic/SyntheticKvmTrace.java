package dev.virtscope.bench.synthetic;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import dev.virtscope.store.EventStore;
import dev.virtscope.store.EventStoreBuilder;

/**
 * SYNTHETIC kvm traces for volume tests and benchmarks (never for behaviour tests): VMX kvm_exit /
 * kvm_entry pairs in the kernel 5.10+ form, N vCPU threads ({@code CPU n/KVM}) pinned to CPU n, a reason
 * mix of an idle-to-moderately-busy Linux guest and lognormal exit latencies per reason, optionally the
 * kvm_msr / kvm_pio events KVM emits inside MSR and port exits. Same seed, same trace.
 *
 * <p>Two sinks share one event stream: {@link #writeText} (ftrace {@code trace} text) and
 * {@link #buildStore} (an EventStore built directly from the payload bytes, without a text importer).
 */
public final class SyntheticKvmTrace {
    /** reason, share (‰), median host time (ns), lognormal sigma */
    private static final Object[][] MIX = {
            {"EXTERNAL_INTERRUPT", 250, 1_500, 0.6}, {"HLT", 180, 150_000, 1.6}, {"MSR_WRITE", 200, 1_100, 0.5},
            {"EPT_MISCONFIG", 80, 3_500, 0.7}, {"EPT_VIOLATION", 40, 6_000, 1.0}, {"IO_INSTRUCTION", 50, 25_000, 0.9},
            {"PREEMPTION_TIMER", 50, 900, 0.4}, {"PAUSE_INSTRUCTION", 40, 700, 0.5}, {"MSR_READ", 40, 900, 0.4},
            {"CPUID", 20, 1_200, 0.4}, {"APIC_WRITE", 30, 1_300, 0.5}, {"VMCALL", 20, 2_000, 0.6}};
    private static final int[] HOST_VECTORS = {0xec, 0xec, 0xec, 0xfd, 0xfb, 0xf6, 0x22, 0x31};
    private static final long[] MSRS = {0x6e0, 0x830, 0x80b, 0x40000070, 0x4b564d04L};
    private static final int[] PORTS = {0x70, 0x71, 0xcf8, 0xcfc, 0x3f8, 0x402, 0xb008};

    private final long exits;
    private final int vcpus;
    private final long seed;
    private final boolean accesses;

    /** @param accesses also emit kvm_msr inside MSR exits and kvm_pio inside port exits */
    public SyntheticKvmTrace(long exits, int vcpus, long seed, boolean accesses) {
        this.exits = exits;
        this.vcpus = vcpus;
        this.seed = seed;
        this.accesses = accesses;
    }

    /** Receives the generated events in time order. */
    interface Sink {
        void event(long tsNs, int vcpu, int kind, byte[] payload, int len) throws IOException;
    }

    static final int EXIT = 0, ENTRY = 1, MSR = 2, PIO = 3;
    private static final String[] NAMES = {"kvm_exit", "kvm_entry", "kvm_msr", "kvm_pio"};

    private void generate(Sink sink) throws IOException {
        Random r = new Random(seed);
        int[] cum = new int[MIX.length];
        int acc = 0;
        for (int k = 0; k < MIX.length; k++) cum[k] = acc += (Integer) MIX[k][1];
        long[] next = new long[vcpus];         // time of the next event per vCPU
        boolean[] inGuest = new boolean[vcpus];
        int[] pendingReason = new int[vcpus];
        long[] exitAt = new long[vcpus];
        long[] hostNs = new long[vcpus];
        long[] rip = new long[vcpus];
        int[] access = new int[vcpus];
        for (int v = 0; v < vcpus; v++) {
            next[v] = 1_000_000_000_000L + r.nextInt(10_000);
            inGuest[v] = true;
            rip[v] = 0xffffffff81000000L + r.nextInt(1 << 22);
        }
        byte[] buf = new byte[256];
        long emitted = 0, closed = 0;
        // vCPUs interleave: always advance the one whose next event is earliest (small N, linear scan)
        while (closed < exits) {
            int v = 0;
            for (int k = 1; k < vcpus; k++) if (next[k] < next[v]) v = k;
            long t = next[v];
            if (inGuest[v]) {
                if (emitted == exits) {
                    next[v] = Long.MAX_VALUE;
                    continue;
                }
                int x = r.nextInt(acc), k = 0;
                while (cum[k] <= x) k++;
                pendingReason[v] = k;
                double median = ((Integer) MIX[k][2]), sigma = (Double) MIX[k][3];
                hostNs[v] = Math.max(200, (long) (median * Math.exp(sigma * r.nextGaussian())));
                if (r.nextInt(200_000) == 0) hostNs[v] += 2_000_000; // rare host hiccup: an outlier
                rip[v] += r.nextInt(4096) - 2048;
                int n = exitPayload(buf, v, (String) MIX[k][0], rip[v], r);
                sink.event(t, v, EXIT, buf, n);
                emitted++;
                exitAt[v] = t;
                inGuest[v] = false;
                // the kvm_msr / kvm_pio of this exit comes a little later, in time order with the other vCPUs
                access[v] = !accesses ? 0 : (k == 2 || k == 8) ? MSR : k == 5 ? PIO : 0;
                next[v] = access[v] != 0 ? t + Math.min(500, hostNs[v] / 3) : t + hostNs[v];
            } else if (access[v] != 0) {
                int k = pendingReason[v], n;
                if (access[v] == MSR) n = msrPayload(buf, k == 2, MSRS[r.nextInt(MSRS.length)], r.nextLong() >>> 20);
                else n = pioPayload(buf, r.nextBoolean(), PORTS[r.nextInt(PORTS.length)], r.nextInt(256));
                sink.event(t, v, access[v], buf, n);
                access[v] = 0;
                next[v] = exitAt[v] + hostNs[v];
            } else {
                int n = entryPayload(buf, v, rip[v] + 2);
                sink.event(t, v, ENTRY, buf, n);
                closed++;
                inGuest[v] = true;
                next[v] = t + Math.max(300, (long) (20_000 * Math.exp(1.2 * r.nextGaussian())));
            }
        }
    }

    /** Builds the store straight from the payload bytes (the benchmark's input; no text parsing). */
    public EventStore buildStore() throws IOException {
        EventStoreBuilder b = new EventStoreBuilder();
        int[] types = new int[NAMES.length];
        for (int k = 0; k < NAMES.length; k++) types[k] = b.eventType(NAMES[k]);
        for (int v = 0; v < vcpus; v++) {
            b.tasks.seen(10_000 + v, b.comms.intern("CPU " + v + "/KVM"), 0);
            b.tasks.vcpu(10_000 + v, v);
        }
        generate((ts, v, kind, p, len) -> b.add(ts, v, 10_000 + v, types[kind], b.payload(p, 0, len)));
        b.cpusDeclared(vcpus);
        return b.build("synthetic-kvm");
    }

    /** Writes the same events as kernel {@code trace} text (tracer nop header, 5-char flags). */
    public void writeText(Path out) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            o.write(("# tracer: nop\n#\n# SYNTHETIC trace from dev.virtscope.bench.synthetic.SyntheticKvmTrace (seed "
                    + seed + ", " + exits + " exits, " + vcpus + " vCPUs)\n#\n").getBytes());
            byte[] line = new byte[512];
            byte[][] prefix = new byte[vcpus][];
            for (int v = 0; v < vcpus; v++)
                prefix[v] = String.format("%16s-%-7d [%03d] d..1. ", "CPU " + v + "/KVM", 10_000 + v, v).getBytes();
            byte[][] names = new byte[NAMES.length][];
            for (int k = 0; k < NAMES.length; k++) names[k] = (": " + NAMES[k] + ": ").getBytes();
            generate((ts, v, kind, p, len) -> {
                int n = 0;
                System.arraycopy(prefix[v], 0, line, n, prefix[v].length);
                n += prefix[v].length;
                n = timestamp(line, n, ts);
                System.arraycopy(names[kind], 0, line, n, names[kind].length);
                n += names[kind].length;
                System.arraycopy(p, 0, line, n, len);
                n += len;
                line[n++] = '\n';
                o.write(line, 0, n);
            });
        }
    }

    // ---- byte formatting, no String per event ----

    private static int timestamp(byte[] b, int n, long ns) {
        long sec = ns / 1_000_000_000L, us = ns / 1000 % 1_000_000;
        n = dec(b, n, sec, 5, ' ');
        b[n++] = '.';
        n = dec(b, n, us, 6, '0');
        return n;
    }

    private static int ascii(byte[] b, int n, String s) {
        for (int i = 0; i < s.length(); i++) b[n++] = (byte) s.charAt(i);
        return n;
    }

    private static int dec(byte[] b, int n, long v, int width, char pad) {
        int digits = v == 0 ? 1 : (int) Math.floor(Math.log10(v)) + 1;
        for (int i = digits; i < width; i++) b[n++] = (byte) pad;
        for (int i = digits - 1; i >= 0; i--) {
            b[n + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return n + digits;
    }

    /** hex with 0x, zero-padded to width digits (0 = no padding) */
    private static int hex(byte[] b, int n, long v, int width) {
        b[n++] = '0';
        b[n++] = 'x';
        return hexDigits(b, n, v, width);
    }

    private static int hexDigits(byte[] b, int n, long v, int width) {
        int digits = v == 0 ? 1 : (64 - Long.numberOfLeadingZeros(v) + 3) / 4;
        for (int i = digits; i < width; i++) b[n++] = '0';
        for (int i = digits - 1; i >= 0; i--) {
            b[n + i] = (byte) "0123456789abcdef".charAt((int) (v & 15));
            v >>>= 4;
        }
        return n + digits;
    }

    private static int exitPayload(byte[] b, int vcpu, String reason, long rip, Random r) {
        int n = ascii(b, 0, "vcpu ");
        n = dec(b, n, vcpu, 1, ' ');
        n = ascii(b, n, " reason ");
        n = ascii(b, n, reason);
        n = ascii(b, n, " rip ");
        n = hex(b, n, rip, 0);
        long info1 = 0, info2 = 0, intr = 0;
        switch (reason) {
            case "EXTERNAL_INTERRUPT" -> intr = 0x8000_0000L | HOST_VECTORS[r.nextInt(HOST_VECTORS.length)];
            case "EPT_VIOLATION" -> {
                info1 = 0x181 | (r.nextBoolean() ? 2 : 0);
                info2 = 0x1_0000_0000L + ((long) r.nextInt(1 << 20) << 12);
            }
            case "EPT_MISCONFIG" -> info2 = 0xfe000000L + r.nextInt(1 << 12) * 4L;
            case "IO_INSTRUCTION" -> info1 = ((long) PORTS[r.nextInt(PORTS.length)] << 16) | (r.nextBoolean() ? 8 : 0);
            default -> {
            }
        }
        n = ascii(b, n, " info1 ");
        n = hex(b, n, info1, 16);
        n = ascii(b, n, " info2 ");
        n = hex(b, n, info2, 16);
        n = ascii(b, n, " intr_info ");
        n = hex(b, n, intr, 8);
        n = ascii(b, n, " error_code ");
        return hex(b, n, 0, 8);
    }

    private static int entryPayload(byte[] b, int vcpu, long rip) {
        int n = ascii(b, 0, "vcpu ");
        n = dec(b, n, vcpu, 1, ' ');
        n = ascii(b, n, ", rip ");
        return hex(b, n, rip, 0);
    }

    private static int msrPayload(byte[] b, boolean write, long msr, long data) {
        int n = ascii(b, 0, write ? "msr_write " : "msr_read ");
        n = hexDigits(b, n, msr, 0); // the kernel prints the index without 0x
        n = ascii(b, n, " = ");
        return hex(b, n, data, 0);
    }

    private static int pioPayload(byte[] b, boolean write, int port, int val) {
        int n = ascii(b, 0, write ? "pio_write at " : "pio_read at ");
        n = hex(b, n, port, 0);
        n = ascii(b, n, " size 1 count 1 val ");
        n = hex(b, n, val, 0);
        b[n++] = ' ';
        return n;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SyntheticKvmTrace OUT.txt [EXITS] [VCPUS] [SEED]");
            System.exit(2);
        }
        long n = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        int v = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        new SyntheticKvmTrace(n, v, seed, true).writeText(Path.of(args[0]));
    }
}
