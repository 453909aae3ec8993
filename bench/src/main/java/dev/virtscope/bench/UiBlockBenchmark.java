package dev.virtscope.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import dev.virtscope.bench.synthetic.SyntheticKvmTrace;
import dev.virtscope.gui.MainWindow;
import dev.virtscope.gui.RecentFiles;
import dev.virtscope.gui.TraceReader;

/**
 * How long the FX thread stops while the real window opens a large trace: a SYNTHETIC ≥ 500 MB
 * ftrace text ({@link SyntheticKvmTrace}) is opened in {@link MainWindow} (on the display when
 * DISPLAY is set, else on Monocle's headless glass), and an {@link AnimationTimer} notes the time
 * of every pulse from the start of the load until the trace is shown with its vCPU states, plus
 * one second. The gaps between pulses are what a user sees as a frozen window. A watchdog thread
 * takes the FX thread's stack whenever a gap passes 50 ms, so the report says what blocked it.
 */
final class UiBlockBenchmark implements Benchmark {
    private static final long STALL_NS = 50_000_000L;
    /** 1 M exits of the generator with kvm_msr/kvm_pio are 283 MiB of text (docs/performance.md, kvm). */
    private static final double MIB_PER_MILLION_EXITS = 283;

    @Override
    public String id() {
        return "ui-block";
    }

    @Override
    public String description() {
        return "longest FX-thread gap while MainWindow opens a >= 500 MB synthetic ftrace text (AnimationTimer pulses)";
    }

    @Override
    public void run(Path workDir, PrintStream out) throws Exception {
        int mib = Integer.getInteger("virtscope.bench.uiBlockMB", 512);
        Path input = input(workDir, mib, out);
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            // no display: Monocle's headless glass with the software pipeline, as the UI tests run
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            out.println("glass: Monocle headless (no DISPLAY), prism sw");
        } else {
            out.println("glass: DISPLAY=" + System.getenv("DISPLAY"));
        }
        out.println("JVM: " + jvmSettings());
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        int runs = Integer.getInteger("virtscope.bench.runs", 2);
        for (int r = 1; r <= runs; r++) {
            LoadFigures.gc();
            out.printf("run %d (%s):%n", r, LoadFigures.load());
            measure(input, out);
        }
        Platform.exit();
    }

    /** The collector and whether background threads get a lower OS priority: both change the gaps. */
    private static String jvmSettings() {
        StringBuilder b = new StringBuilder("collectors");
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) b.append(" '").append(gc.getName()).append("'");
        var hs = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        String nice = hs.getVMOption("JavaPriority1_To_OSPriority").getValue();
        b.append("; ThreadPriorityPolicy=").append(hs.getVMOption("ThreadPriorityPolicy").getValue())
                .append(", Java priority 1 → nice ").append(nice.equals("-1") ? "the JVM's default" : nice)
                .append(" (the launcher's options: ").append(String.join(" ", dev.virtscope.gui.BackgroundThreads.jvmOptions())).append(")");
        return b.toString();
    }

    private static Path input(Path workDir, int mib, PrintStream out) throws Exception {
        Path f = workDir.resolve("ui-block-synthetic-" + mib + "MiB.txt");
        if (!Files.isRegularFile(f) || Files.size(f) < (long) mib << 20) {
            long exits = (long) Math.ceil(mib / MIB_PER_MILLION_EXITS * 1.02 * 1_000_000);
            out.printf("generating %s (%,d exits, 8 vCPUs, SYNTHETIC)%n", f, exits);
            new SyntheticKvmTrace(exits, 8, 7, true).writeText(f);
        }
        out.printf("input %s: %.0f MiB%n", f.getFileName(), Files.size(f) / 1048576.0);
        return f;
    }

    /** Pulse times and the stacks the watchdog took, for one open. */
    private static final class Pulses {
        final long[] at = new long[1 << 20];
        /** The FX thread's CPU time at each pulse: its own work in a gap, whatever else the machine runs. */
        final long[] cpu = new long[at.length];
        volatile int n;
        volatile long last;
        final String[] stall = new String[at.length];
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

        void pulse(long t) {
            if (n < at.length) {
                cpu[n] = threads.getCurrentThreadCpuTime();
                at[n++] = t;
            }
            last = t;
        }
    }

    /** Stop-the-world GC pauses (start, end in System.nanoTime terms), from the collectors' notifications. */
    private static final class GcPauses {
        final java.util.List<long[]> pauses = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.List<Runnable> undo = new java.util.ArrayList<>();

        GcPauses() {
            long jvmStartEpochMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            long epochToNano = System.nanoTime() - System.currentTimeMillis() * 1_000_000L;
            for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!(gc instanceof javax.management.NotificationEmitter em)) continue;
                javax.management.NotificationListener l = (n, hb) -> {
                    if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
                    // concurrent work is not a pause; ZGC's and Shenandoah's "… Cycles" beans time whole
                    // cycles, most of them concurrent (their "… Pauses" beans time the pauses)
                    if (info.getGcAction().contains("concurrent") || info.getGcName().contains("Concurrent")
                            || info.getGcName().endsWith("Cycles")) return;
                    long start = (jvmStartEpochMs + info.getGcInfo().getStartTime()) * 1_000_000L + epochToNano;
                    pauses.add(new long[]{start, start + info.getGcInfo().getDuration() * 1_000_000L});
                };
                em.addNotificationListener(l, null, null);
                undo.add(() -> {
                    try {
                        em.removeNotificationListener(l);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }

        /** ns of [from, to) the JVM spent in GC pauses (ms precision). */
        long within(long from, long to) {
            long n = 0;
            for (long[] p : pauses) n += Math.max(0, Math.min(to, p[1]) - Math.max(from, p[0]));
            return n;
        }

        void close() {
            undo.forEach(Runnable::run);
        }
    }

    private static void measure(Path input, PrintStream out) throws Exception {
        GcPauses gc = new GcPauses();
        Preferences prefs = Preferences.userRoot().node("dev/virtscope/bench/" + UUID.randomUUID());
        AtomicReference<MainWindow> window = new AtomicReference<>();
        onFx(() -> {
            MainWindow w = new MainWindow(new Stage(), TraceReader.standard(), new RecentFiles(prefs));
            w.stage().show();
            window.set(w);
        });
        Thread.sleep(1000); // first layout and paint of the empty window
        Pulses p = new Pulses();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                p.pulse(System.nanoTime());
            }
        };
        Thread fx = fxThread();
        Thread watchdog = new Thread(() -> watch(p, fx), "ui-block-watchdog");
        watchdog.setDaemon(true);
        long[] shownAt = {0}, statesAt = {0};
        long t0 = System.nanoTime();
        onFx(() -> {
            p.pulse(System.nanoTime());
            timer.start();
            window.get().session().openProperty().addListener((obs, was, is) -> shownAt[0] = System.nanoTime());
            window.get().open(input);
        });
        watchdog.start();
        // shown: the trace replaced the empty window and the timeline's vCPU states arrived
        while (true) {
            Thread.sleep(20);
            boolean[] ready = new boolean[1];
            onFx(() -> ready[0] = window.get().session().open() != null && window.get().timelineTab().view().states() != null
                    && window.get().loads().runningProperty().get() == null && !window.get().fillingProperty().get());
            if (ready[0]) {
                statesAt[0] = System.nanoTime();
                break;
            }
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) throw new IllegalStateException("not shown after 10 minutes");
        }
        Thread.sleep(1000);
        onFx(timer::stop);
        watchdog.interrupt();
        watchdog.join();
        int n = p.n;
        long[] gaps = new long[Math.max(0, n - 1)];
        int worst = 0;
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = p.at[i] - p.at[i - 1];
            if (gaps[i - 1] > gaps[worst]) worst = i - 1;
        }
        long[] fxCpu = new long[gaps.length];
        for (int i = 1; i < n; i++) fxCpu[i - 1] = p.cpu[i] - p.cpu[i - 1];
        long[] cpuSorted = fxCpu.clone();
        Arrays.sort(cpuSorted);
        long[] sorted = gaps.clone();
        Arrays.sort(sorted);
        long p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
        long max = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        int events = onFxGet(() -> window.get().session().open().trace().events().size());
        out.printf("  %,d events; load started → trace shown %.2f s → vCPU states shown %.2f s; %,d pulses%n", events,
                (shownAt[0] - t0) / 1e9, (statesAt[0] - t0) / 1e9, n);
        out.printf("  FX pulse gap: max %.1f ms (at %.2f s after the load started), 99th percentile %.1f ms, median %.1f ms (goal: max <= 100 ms: %s)%n",
                max / 1e6, (p.at[worst + 1] - t0) / 1e9, p99 / 1e6, sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6,
                max <= 100_000_000L ? "met" : "NOT met");
        out.printf("  FX thread CPU time inside one gap: max %.1f ms, 99th percentile %.1f ms (what the gaps would be if the FX thread had a core to itself, GC and rendering aside)%n",
                cpuSorted.length == 0 ? 0 : cpuSorted[cpuSorted.length - 1] / 1e6,
                cpuSorted.length == 0 ? 0 : cpuSorted[(int) Math.min(cpuSorted.length - 1, Math.ceil(cpuSorted.length * 0.99) - 1)] / 1e6);
        int shown = 0;
        Integer[] order = new Integer[gaps.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(gaps[b], gaps[a]));
        for (int k = 0; k < order.length && shown < 5 && gaps[order[k]] > STALL_NS; k++, shown++) {
            int i = order[k];
            String stack = p.stall[i];
            out.printf("  gap %.1f ms ending %.2f s after the start (FX thread CPU %.0f ms, GC pauses %.0f ms of it); FX thread was in: %s%n",
                    gaps[i] / 1e6, (p.at[i + 1] - t0) / 1e9, fxCpu[i] / 1e6, gc.within(p.at[i], p.at[i + 1]) / 1e6,
                    stack == null ? "(no sample: the watchdog did not run during it)" : stack);
        }
        long gcTotal = gc.within(t0, p.at[n - 1]), gcMax = 0;
        for (long[] x : gc.pauses) if (x[1] > t0) gcMax = Math.max(gcMax, x[1] - x[0]);
        out.printf("  GC: %d pauses, %.0f ms in all, longest %.0f ms%n", gc.pauses.size(), gcTotal / 1e6, gcMax / 1e6);
        gc.close();
        onFx(() -> window.get().stage().close());
        prefs.removeNode();
    }

    /**
     * Every 5 ms while the FX thread has not pulsed for 50 ms: where it is. The samples of one gap
     * are counted by place, so the report names what took most of it.
     */
    private static void watch(Pulses p, Thread fx) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        int current = -1;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
            int gap = Math.max(0, p.n - 1); // the gap after pulse n-1
            if (gap != current) {
                counts.clear();
                current = gap;
            }
            if (System.nanoTime() - p.last < STALL_NS) continue;
            counts.merge(frames(fx.getStackTrace()), 1, Integer::sum);
            p.stall[gap] = summary(counts);
        }
    }

    private static String summary(java.util.Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder b = new StringBuilder();
        counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(3).forEach(e ->
                b.append(String.format("%n      %3d%% %s", 100 * e.getValue() / total, e.getKey())));
        return b.toString();
    }

    /**
     * Where the FX thread is, for counting: its innermost VirtScope frames (on whose behalf it
     * works), else the innermost JavaFX frame (layout, CSS, waiting for the render thread …).
     */
    private static String frames(StackTraceElement[] st) {
        StringBuilder b = new StringBuilder();
        int ours = 0;
        for (StackTraceElement e : st) {
            if (!e.getClassName().startsWith("dev.virtscope") || ours++ >= 3) continue;
            if (b.length() > 0) b.append(" ← ");
            b.append(name(e));
        }
        if (b.length() > 0) return b.toString();
        if (st.length > 0 && st[0].getMethodName().equals("wait") && st.length < 12) {
            return "idle, waiting for work (the pulse itself was late: CPU starved or paused)";
        }
        for (StackTraceElement e : st) {
            String c = e.getClassName();
            if (c.startsWith("javafx.") || c.startsWith("com.sun.javafx.") || c.startsWith("com.sun.prism.")) return name(e);
        }
        return st.length == 0 ? "?" : name(st[0]);
    }

    private static String name(StackTraceElement e) {
        return e.getClassName().replaceFirst("^.*\\.", "") + "." + e.getMethodName() + ":" + e.getLineNumber();
    }

    private static Thread fxThread() throws Exception {
        return onFxGet(Thread::currentThread);
    }

    private static void onFx(Runnable r) throws Exception {
        onFxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFxGet(java.util.concurrent.Callable<T> c) throws Exception {
        java.util.concurrent.FutureTask<T> t = new java.util.concurrent.FutureTask<>(c);
        Platform.runLater(t);
        return t.get(10, TimeUnit.MINUTES);
    }
}
