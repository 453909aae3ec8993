package dev.virtscope.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/**
 * Heap a loaded trace keeps per event, after GC: measured (heap with the store minus heap without it)
 * and computed from the arrays, with the store's columns and indexes apart from the payload arena
 * (payload text, which the 32-byte goal excludes). Baseline: the input's own bytes per event.
 */
final class RetainedHeapBenchmark implements Benchmark {
    @Override
    public String id() {
        return "heap";
    }

    @Override
    public String description() {
        return "retained heap per event after GC (columns+indexes vs payload arena) on the >= 1 GB ftrace text, baseline: input bytes per event";
    }

    @Override
    public void run(Path workDir, PrintStream out) throws Exception {
        Path input = LoadFigures.input(workDir, out);
        long bytes = Files.size(input);
        LoadFigures.gc();
        long before = LoadFigures.used();
        java.util.Map<String, Long> liveBefore = liveArrayBytes();
        EventStore s = TraceLoader.standard().load(input).events();
        LoadFigures.gc();
        long with = LoadFigures.used();
        java.util.Map<String, Long> liveWith = liveArrayBytes();
        long n = s.size();
        long index = s.retainedIndexBytes(), arena = s.payloadBytes();
        double measured = (with - before) / (double) n;
        double measuredNoArena = (with - before - arena) / (double) n;
        out.printf("%,d events from %.0f MiB (%.1f input bytes per event, baseline), %s%n", n, bytes / 1048576.0, bytes / (double) n, LoadFigures.load());
        out.printf("columns+indexes (computed from the arrays): %.1f B/event — goal <= 32 B: %s; %.2fx of the input's bytes per event%n",
                index / (double) n, index / (double) n < 32.05 ? "met" : "NOT met", index / (double) bytes);
        out.printf("payload arena (computed, excluded from the goal): %.1f B/event%n", arena / (double) n);
        out.printf("heap after GC, store kept minus store absent: %.1f B/event in all; without the arena: %.1f B/event "
                + "(columns, indexes, string and task tables, and the G1 region slack the live histogram below does not count)%n", measured, measuredNoArena);
        long bytesArrays = liveWith.getOrDefault("[B", 0L) - liveBefore.getOrDefault("[B", 0L);
        long otherArrays = 0;
        for (String k : new String[] {"[J", "[I", "[S", "[C"}) otherArrays += liveWith.getOrDefault(k, 0L) - liveBefore.getOrDefault(k, 0L);
        out.printf("live objects after full GC (class histogram, with the store minus before it): long/int/short/char arrays %.1f B/event "
                + "(columns+indexes) — goal <= 32 B: %s; byte arrays %.1f B/event (payload arena)%n",
                otherArrays / (double) n, otherArrays / (double) n < 32.05 ? "met" : "NOT met", bytesArrays / (double) n);
        java.lang.ref.Reference.reachabilityFence(s); // the store must stay reachable until "with" is read
    }

    /** Bytes of live primitive arrays by JVM type name ([B, [J…) from a GC.class_histogram (which runs a full GC first). */
    private static java.util.Map<String, Long> liveArrayBytes() throws Exception {
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        javax.management.ObjectName cmd = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        String histogram = (String) server.invoke(cmd, "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        java.util.Map<String, Long> bytes = new java.util.HashMap<>();
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":") && f[3].length() == 2 && f[3].startsWith("[")) bytes.put(f[3], Long.parseLong(f[2]));
        }
        return bytes;
    }
}
