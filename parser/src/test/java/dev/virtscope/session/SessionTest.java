package dev.virtscope.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.analysis.qemu.KvmExitReason;
import dev.virtscope.decode.qemu.QemuArgs;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.EventStoreBuilder;
import dev.virtscope.store.LoadOptions;
import dev.virtscope.store.Payload;
import dev.virtscope.store.Trace;

/** Several files as one timeline: merged index, clock agreement, user and proposed offsets. */
class SessionTest {
    static final String DIR = "generated/qemu-simpletrace/tcg-linux-smp2-fullboot/";

    @Test
    void binaryAndLogOfTheSameRunMergeIntoOneOrderedTimeline() throws IOException {
        LoadOptions opts = new LoadOptions(List.of(Samples.path("generated/qemu-simpletrace/trace-events-all-8.2.0")));
        Trace bin = TraceLoader.standard().load(Samples.path(DIR + "trace-20268.xz"), opts, LoadMonitor.NONE);
        Trace log = TraceLoader.standard().load(Samples.path(DIR + "log-backend.txt.xz"), opts, LoadMonitor.NONE);
        Session s = new Session(List.of(bin, log));
        assertTrue(s.aligned(0));
        assertFalse(s.aligned(1), "wall-clock log against CLOCK_MONOTONIC: needs an offset");

        // the user lines the log's first event up with the binary's first event
        long offset = bin.events().ts(0) - log.events().ts(0);
        assertTrue(OffsetOption.parse("log-backend.txt.xz=" + offset).applyTo(s));
        assertTrue(s.aligned(1));
        assertEquals(bin.events().size() + log.events().size(), s.size());
        int[] next = new int[2];
        for (int i = 0; i < s.size(); i++) {
            if (i > 0) assertTrue(s.ts(i - 1) <= s.ts(i), "time order at " + i);
            assertEquals(next[s.file(i)]++, s.index(i), "each file keeps its own order");
        }
        assertEquals(0, s.firstAtOrAfter(Long.MIN_VALUE));
        assertEquals(s.size(), s.firstAtOrAfter(Long.MAX_VALUE));
        // at equal times the first file comes first
        assertEquals(0, s.file(0));
        assertEquals(1, s.file(1));
    }

    @Test
    void loaderAppliesOffsetsByFileNameAndRejectsUnknownFiles() throws IOException {
        List<java.nio.file.Path> files = List.of(Samples.path("generated/qemu-log/qemu-log-backend-timestamp.txt"),
                Samples.path("generated/qemu-log/qemu-log-backend-notimestamp.txt"));
        Session s = SessionLoader.load(files, LoadOptions.DEFAULT,
                List.of(OffsetOption.parse("qemu-log-backend-notimestamp.txt=1795315179867484000")), LoadMonitor.NONE);
        assertEquals(2, s.files());
        assertEquals(1_795_315_179_867_484_000L, s.offsetNs(1));
        assertEquals(s.store(0).size() + s.store(1).size(), s.size());
        assertThrows(IllegalArgumentException.class, () -> SessionLoader.load(files, LoadOptions.DEFAULT,
                List.of(OffsetOption.parse("other.txt=5")), LoadMonitor.NONE));
    }

    @Test
    void clocksThatAgree() {
        assertTrue(ClockAlignment.agree("mono", "mono"));
        assertTrue(ClockAlignment.agree("boot", "mono"));
        assertTrue(ClockAlignment.agree("realtime", "realtime"));
        assertFalse(ClockAlignment.agree("local", "mono"));
        assertFalse(ClockAlignment.agree("local", "local"));
        assertFalse(ClockAlignment.agree("relative", "relative"));
        assertFalse(ClockAlignment.agree("sequence", "mono"));
    }

    @Test
    void offsetOptionSyntax() {
        assertEquals(new OffsetOption("a.dat", -1500), OffsetOption.parse("a.dat=-1500"));
        assertEquals(new OffsetOption("dir/x=y.txt", 7), OffsetOption.parse("dir/x=y.txt=7"));
        assertThrows(IllegalArgumentException.class, () -> OffsetOption.parse("a.dat"));
        assertThrows(IllegalArgumentException.class, () -> OffsetOption.parse("a.dat=1.5ms"));
    }

    /**
     * A kernel-side trace derived from the real QEMU 7.2 log: one kvm_userspace_exit per QEMU
     * kvm_run_exit, 5 s and 2 µs earlier on the kernel's clock, the kernel trace starting 7 exits
     * later on vCPU 0 and holding an interrupted ("restart") exit QEMU never sees.
     */
    @Test
    void proposesTheOffsetFromMatchingExitsOfTheSameVcpu() throws IOException {
        EventStore qemu = TraceLoader.standard().load(Samples.path("generated/qemu-log/qemu-log-backend-timestamp.txt")).events();
        long shift = -5_000_000_000L - 2_000;
        EventStoreBuilder k = new EventStoreBuilder();
        int exit = k.eventType("kvm_userspace_exit");
        Payload p = new Payload();
        int skipped = 0;
        for (int i = 0; i < qemu.size(); i++) {
            if (!qemu.eventName(i).equals("kvm_run_exit")) continue;
            qemu.payload(i, p);
            int v = (int) QemuArgs.number(p, "cpu_index");
            long r = QemuArgs.number(p, "reason");
            if (v == 0 && skipped++ < 7) continue;
            int tid = 1000 + v;
            k.tasks.seen(tid, k.comms.intern("CPU " + v + "/KVM"), 0);
            if (i == 500) k.add(qemu.ts(i) + shift - 1000, 0, tid, exit, text(k, "reason restart (4)"));
            k.add(qemu.ts(i) + shift, 0, tid, exit, text(k, "reason KVM_EXIT_" + KvmExitReason.name(r) + " (" + r + ")"));
        }
        OffsetProposal.Proposal pr = OffsetProposal.propose(k.build("synthetic-from-real"), qemu);
        assertEquals(shift, pr.offsetNs());
        assertEquals(0, pr.spreadNs());
        assertTrue(pr.pairs() > 700, "pairs " + pr.pairs());
    }

    private static long text(EventStoreBuilder b, String s) {
        byte[] x = s.getBytes(StandardCharsets.UTF_8);
        return b.payload(x, 0, x.length);
    }
}
