package dev.virtscope.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import dev.virtscope.analysis.vcpu.VcpuStates;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.view.paint.Painter;
import dev.virtscope.view.timeline.TimelineMarks;
import dev.virtscope.view.timeline.TimelinePainter;
import dev.virtscope.view.timeline.TimelineRow;
import dev.virtscope.view.timeline.TimelineRows;
import dev.virtscope.view.timeline.TimelineViewport;

/**
 * vCPU state rows on a synthetic 10M-event trace of real-looking kvm_entry / kvm_exit /
 * kvm_userspace_exit / sched_switch text: the one-off cost of {@link VcpuStates#of} and the frame
 * time with every vCPU row drawn as a state bar, fitted and zoomed (target: ≤ 16 ms per frame).
 */
public final class VcpuLaneBench implements Benchmark {
    private static final int EVENTS = 10_000_000, VCPUS = 4, CPUS = 4, WIDTH = 1600, HEIGHT = 900, ROUNDS = 20;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final String[] REASONS = {"msr", "io", "npf", "hlt", "interrupt", "cpuid"};

    @Override
    public String id() {
        return "vcpu-lane";
    }

    @Override
    public String description() {
        return "vCPU state computation and state-bar frame time on a synthetic " + EVENTS / 1_000_000 + "M-event KVM trace";
    }

    @Override
    public void run(Path workDir, PrintStream out) {
        EventStore s = trace(EVENTS);
        long t0 = System.nanoTime(), c0 = THREADS.getCurrentThreadCpuTime();
        VcpuStates v = VcpuStates.of(s);
        out.printf("events: %,d; VcpuStates.of: %.0f ms wall, %.0f ms CPU, %,d intervals%n", s.size(), (System.nanoTime() - t0) / 1e6,
                (THREADS.getCurrentThreadCpuTime() - c0) / 1e6, v.size());
        List<TimelineRow> rows = TimelineRows.of(s);
        TimelinePainter painter = new TimelinePainter();
        painter.setStates(v);
        TimelineViewport vp = new TimelineViewport();
        vp.setWidth(WIDTH - (int) TimelinePainter.LABEL_WIDTH);
        Painter p = new NullPainter();
        for (double zoom : new double[] {1, 1.0 / 1000, 1.0 / 1_000_000}) {
            painter.setStates(v);
            frame(out, painter, s, rows, vp, p, zoom, "state bars");
            painter.setStates(null);
            frame(out, painter, s, rows, vp, p, zoom, "ticks only");
        }
    }

    private static void frame(PrintStream out, TimelinePainter painter, EventStore s, List<TimelineRow> rows, TimelineViewport vp,
                              Painter p, double zoom, String what) {
        {
            vp.fit(s.firstNs(), s.lastNs());
            vp.zoom(zoom, vp.width() / 2.0);
            for (int i = 0; i < 5; i++) painter.draw(p, s, rows, vp, WIDTH, HEIGHT, 0, TimelineMarks.EMPTY, Long::toString);
            long a = System.nanoTime(), cpu = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < ROUNDS; i++) painter.draw(p, s, rows, vp, WIDTH, HEIGHT, 0, TimelineMarks.EMPTY, Long::toString);
            // CPU time too: on a shared, loaded machine wall time also counts waiting for a core
            out.printf("frame (%d rows, %s), window %.3g of the trace: %.2f ms wall, %.2f ms CPU%n", rows.size(), what,
                    zoom, (System.nanoTime() - a) / 1e6 / ROUNDS, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / ROUNDS);
        }
    }

    /** vCPU threads cycling entry → exit (→ userspace for io) → entry, switched out now and then. */
    static EventStore trace(int n) {
        EventStoreBuilder b = new EventStoreBuilder();
        int entry = b.eventType("kvm_entry"), exit = b.eventType("kvm_exit"), uexit = b.eventType("kvm_userspace_exit"),
                sw = b.eventType("sched_switch");
        int[] tids = new int[VCPUS];
        for (int k = 0; k < VCPUS; k++) {
            tids[k] = 3001 + k;
            b.tasks.seen(3000, b.comms.intern("qemu-system-x86"), 0);
            b.tasks.seen(tids[k], b.comms.intern("CPU " + k + "/KVM"), 0);
            b.tasks.tgid(tids[k], 3000);
        }
        SplittableRandom rnd = new SplittableRandom(7);
        int[] phase = new int[VCPUS];
        long t = 1_000_000_000L;
        for (int i = 0; i < n; i++) {
            t += 1 + rnd.nextInt(400);
            int k = rnd.nextInt(VCPUS);
            int tid = tids[k];
            byte[] text;
            int type;
            switch (phase[k]) {
                case 0 -> {
                    type = entry;
                    text = ("vcpu " + k + ", rip 0xffffffff81000000").getBytes(StandardCharsets.ISO_8859_1);
                    phase[k] = 1;
                }
                case 1 -> {
                    String r = REASONS[rnd.nextInt(REASONS.length)];
                    type = exit;
                    text = ("vcpu " + k + " reason " + r + " rip 0xffffffff81000000 info1 0x0 info2 0x0 intr_info 0x00000000 error_code 0x00000000")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    phase[k] = r.equals("io") ? 2 : r.equals("hlt") ? 3 : 0;
                }
                case 2 -> {
                    type = uexit;
                    text = "reason KVM_EXIT_IO (2)".getBytes(StandardCharsets.ISO_8859_1);
                    phase[k] = 0;
                }
                case 3 -> {
                    type = sw;
                    text = ("prev_comm=CPU " + k + "/KVM prev_pid=" + tid + " prev_prio=120 prev_state=S ==> next_comm=swapper next_pid=0 next_prio=120")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    phase[k] = 4;
                }
                default -> {
                    type = sw;
                    text = ("prev_comm=swapper prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=CPU " + k + "/KVM next_pid=" + tid + " next_prio=120")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    phase[k] = 0;
                    tid = 0;
                }
            }
            b.add(t, k % CPUS, tid, type, b.payload(text, 0, text.length));
        }
        return b.build("synthetic");
    }

    private static final class NullPainter implements Painter {
        @Override
        public void fillRect(double x, double y, double w, double h, int rgb) {
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, int rgb) {
        }

        @Override
        public void text(String s, double x, double y, int rgb) {
        }

        @Override
        public double textWidth(String s) {
            return 7.0 * s.length();
        }

        @Override
        public void clip(double x, double y, double w, double h) {
        }

        @Override
        public void unclip() {
        }
    }
}
