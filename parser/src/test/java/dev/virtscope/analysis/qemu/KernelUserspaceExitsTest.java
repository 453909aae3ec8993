package dev.virtscope.analysis.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.TraceSource;

/** The host's view of time in QEMU: kvm_userspace_exit → next kvm_entry of the thread, on a real (nested SVM) trace. */
class KernelUserspaceExitsTest {
    static final String DIR = "captured/nested/nested-svm-inner-smp2-secs5.";
    static final Pattern LINE = Pattern.compile("^\\s*(.+)-(\\d+)\\s+\\[\\d+\\]\\s+\\S+\\s+(\\d+)\\.(\\d{6}): (kvm_userspace_exit|kvm_entry): (.*)$");
    static final Pattern REASON = Pattern.compile("reason (\\S+) \\((\\d+)\\)");

    /** start µs, end µs, tid, reason (KVM_EXIT number, or -2 restart, -3 error), from the text alone. */
    static List<long[]> expected(Path f) throws IOException {
        Map<Long, long[]> open = new HashMap<>();
        List<long[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new TraceSource(f).open(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                Matcher m = LINE.matcher(l);
                if (!m.find()) continue;
                long tid = Long.parseLong(m.group(2)), us = Long.parseLong(m.group(3)) * 1_000_000 + Long.parseLong(m.group(4));
                if (m.group(5).equals("kvm_userspace_exit")) {
                    Matcher x = REASON.matcher(m.group(6));
                    assertTrue(x.find(), l);
                    long reason = x.group(1).equals("restart") ? -2 : x.group(1).equals("error") ? -3 : Long.parseLong(x.group(2));
                    open.put(tid, new long[]{us, reason});
                } else {
                    long[] p = open.remove(tid);
                    if (p != null) out.add(new long[]{p[0], us, tid, p[1]});
                }
            }
        }
        return out;
    }

    @Test
    void pairsEachUserspaceExitWithTheThreadsNextEntry() throws IOException {
        Path text = Samples.path(DIR + "ftrace.txt.xz");
        List<long[]> exp = expected(text);
        assertTrue(exp.size() > 1000);
        UserspaceExits x = KernelUserspaceExits.of(TraceLoader.standard().load(text).events());
        assertEquals(exp.size(), x.size());
        for (int i = 0; i < x.size(); i++) {
            long[] e = exp.get(i);
            assertEquals(e[0] * 1000, x.start(i), "start " + i);
            assertEquals(e[1] * 1000, x.end(i), "end " + i);
            assertEquals(e[2], x.tid(i));
            assertEquals(e[3], x.reason(i));
        }
        assertEquals("restart", UserspaceExits.reasonName(UserspaceExits.RESTART));
        assertEquals(UserspaceExits.RESTART, UserspaceExits.reasonOf("restart"));
        assertEquals(2, UserspaceExits.reasonOf("KVM_EXIT_IO"));
        assertEquals(6, UserspaceExits.reasonOf("mmio"));
    }

    @Test
    void theTraceDatOfTheSameBufferGivesTheSameIntervals() throws IOException {
        List<long[]> exp = expected(Samples.path(DIR + "ftrace.txt.xz"));
        UserspaceExits x = KernelUserspaceExits.of(TraceLoader.standard().load(Samples.path(DIR + "trace.dat")).events());
        assertEquals(exp.size(), x.size());
        for (int i = 0; i < x.size(); i++) {
            // the .dat has ns, the text µs: the kernel prints them rounded (ns2usecs adds 500 ns)
            assertEquals(exp.get(i)[0], (x.start(i) + 500) / 1000, "start " + i);
            assertEquals(exp.get(i)[3], x.reason(i), "reason " + i);
        }
    }
}
