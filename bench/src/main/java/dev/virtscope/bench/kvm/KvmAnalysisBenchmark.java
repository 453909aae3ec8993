package dev.virtscope.bench.kvm;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.virtscope.analysis.kvm.ExitFilter;
import dev.virtscope.analysis.kvm.KvmExits;
import dev.virtscope.analysis.kvm.KvmStat;
import dev.virtscope.analysis.kvm.Outliers;
import dev.virtscope.analysis.kvm.StatTable;
import dev.virtscope.analysis.kvm.VcpuTimeSplit;
import dev.virtscope.analysis.latency.Latencies;
import dev.virtscope.bench.Benchmark;
import dev.virtscope.bench.synthetic.SyntheticKvmTrace;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;

/**
 * {@code bench/run kvm}: (1) the whole kvm analysis — pairing, kvm-stat vmexit/msr/ioport, log2 and linear
 * histograms with percentiles per reason, per vCPU and per CPU, outliers, time split — on 10 million
 * SYNTHETIC exits in a store built directly from payload bytes; (2) on a SYNTHETIC text file of
 * {@code -Dvirtscope.kvm.textExits} exits (default 1 million): VirtScope load + pairing + per-reason log2
 * histograms + outliers, against bench/baseline/kvm_classic.py doing the same with python3.
 */
public final class KvmAnalysisBenchmark implements Benchmark {
    @Override
    public String id() {
        return "kvm";
    }

    @Override
    public String description() {
        return "kvm exit analysis on 10M synthetic exits; text pipeline vs the classic Python recipe";
    }

    @Override
    public void run(Path work, PrintStream out) throws Exception {
        long exits = Long.getLong("virtscope.kvm.exits", 10_000_000L);
        int vcpus = Integer.getInteger("virtscope.kvm.vcpus", 8);
        long t0 = System.nanoTime();
        EventStore s = new SyntheticKvmTrace(exits, vcpus, 42, true).buildStore();
        long built = System.nanoTime() - t0;
        out.printf("synthetic store: %,d exits, %,d events, %d vCPUs, built in %.2f s (not part of the analysis)%n",
                exits, s.size(), vcpus, built / 1e9);
        // the pairing sweep runs on every core: the process CPU time (all threads, GC and JIT included) is
        // printed beside the calling thread's and the wall time, with the load average
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            long c = mx.getCurrentThreadCpuTime(), pc = processCpuNs(), a = System.nanoTime();
            long checksum = fullAnalysis(s, vcpus);
            long ns = System.nanoTime() - a, cpu = mx.getCurrentThreadCpuTime() - c, pcpu = processCpuNs() - pc;
            out.printf("round %d: full kvm analysis of %,d exits: wall %.2f s, thread CPU %.2f s (%.0f ns/exit), process CPU %.2f s, load average %.1f [checksum %d]%n",
                    round, exits, ns / 1e9, cpu / 1e9, (double) cpu / exits, pcpu / 1e9,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), checksum);
        }
        s = null;
        textAgainstPython(work, out, vcpus);
    }

    /** Everything the kvm views and commands compute; returns a number so the JIT cannot drop the work. */
    static long fullAnalysis(EventStore s, int vcpus) {
        KvmExits k = KvmExits.of(s);
        long sum = 0;
        StatTable t = KvmStat.vmexit(k, -1, KvmStat.By.KEY);
        sum += t.totalSamples();
        sum += KvmStat.vmexit(k, -1, KvmStat.By.VCPU).rows().size();
        sum += KvmStat.report(s, k, KvmStat.Event.MSR, -1, KvmStat.By.KEY).totalSamples();
        sum += KvmStat.report(s, k, KvmStat.Event.IOPORT, -1, KvmStat.By.KEY).totalSamples();
        for (int r = 0; r < k.reasonCount(); r++) {
            Latencies l = k.latencies(ExitFilter.ALL.withReason(k.reasonNameOfId(r)));
            sum += l.log2().buckets() + l.linear(1_000).buckets() + l.summary().p99;
        }
        for (int v = 0; v < vcpus; v++) {
            Latencies l = k.latencies(ExitFilter.ALL.withVcpu(v));
            sum += l.log2().buckets() + l.summary().p999;
            Latencies c = k.latencies(ExitFilter.ALL.withCpu(v));
            sum += c.log2().buckets();
        }
        Latencies all = k.latencies(ExitFilter.ALL);
        sum += all.log2().buckets() + all.summary().p50;
        sum += Outliers.find(k).length;
        sum += VcpuTimeSplit.of(k).vcpuCount();
        return sum;
    }

    private static void textAgainstPython(Path work, PrintStream out, int vcpus) throws Exception {
        long n = Long.getLong("virtscope.kvm.textExits", 1_000_000L);
        Path text = work.resolve("synthetic-kvm-" + n + ".txt");
        if (!Files.exists(text)) new SyntheticKvmTrace(n, vcpus, 7, false).writeText(text);
        out.printf("synthetic text: %s, %,d exits, %.0f MiB%n", text, n, Files.size(text) / 1048576.0);
        long javaNs = Long.MAX_VALUE, javaCpu = Long.MAX_VALUE;
        for (int round = 0; round < 2; round++) {
            long a = System.nanoTime(), c = processCpuNs();
            EventStore s = TraceLoader.standard().load(text).events();
            KvmExits k = KvmExits.of(s);
            long sum = 0;
            for (int r = 0; r < k.reasonCount(); r++) sum += k.latencies(ExitFilter.ALL.withReason(k.reasonNameOfId(r))).log2().buckets();
            sum += Outliers.find(k).length;
            long ns = System.nanoTime() - a, cpu = processCpuNs() - c;
            javaNs = Math.min(javaNs, ns);
            javaCpu = Math.min(javaCpu, cpu);
            out.printf("VirtScope load + pair + log2 per reason + outliers: wall %.2f s, process CPU %.2f s [%d paired, checksum %d]%n",
                    ns / 1e9, cpu / 1e9, k.paired(), sum);
        }
        Path script = Path.of("bench", "baseline", "kvm_classic.py");
        String python = findPython();
        if (python == null) {
            out.println("python3 is ABSENT on this machine: no baseline figure, no ratio");
            return;
        }
        if (!Files.exists(script)) {
            out.println("baseline script " + script + " not found (run from the repository root): no ratio");
            return;
        }
        Path log = work.resolve("kvm_classic.out");
        long a = System.nanoTime();
        Process p = new ProcessBuilder(python, script.toString(), text.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            out.println("python3 baseline did not finish in 30 minutes");
            return;
        }
        long pyNs = System.nanoTime() - a;
        double pyCpu = Double.NaN;
        for (String l : Files.readAllLines(log)) if (l.startsWith("# process CPU time: ")) pyCpu = Double.parseDouble(l.substring(20).split(" ")[0]);
        out.printf("python3 kvm_classic.py (exit code %d, output in %s): wall %.2f s, process CPU %.2f s, load average %.1f%n",
                p.exitValue(), log, pyNs / 1e9, pyCpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf("ratio python3 / VirtScope on the same text: wall %.1fx, process CPU %.1fx%n", (double) pyNs / javaNs,
                pyCpu * 1e9 / javaCpu);
    }

    /** CPU time of the whole JVM (all threads: importer, GC, JIT), comparable with the Python process's. */
    private static long processCpuNs() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }

    private static String findPython() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "python3"))) return Path.of(d, "python3").toString();
        }
        return null;
    }
}
