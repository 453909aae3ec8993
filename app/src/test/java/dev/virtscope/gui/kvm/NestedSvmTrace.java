package dev.virtscope.gui.kvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tukaani.xz.XZInputStream;

import dev.virtscope.Samples;

/**
 * The real nested-SVM capture read independently of VirtScope: a regular expression per line of the
 * ftrace text, kept as plain records. Tests compute their expectations from these.
 */
public final class NestedSvmTrace {
    public static final String SAMPLE = "captured/nested/nested-svm-inner-smp2-secs5.ftrace.txt.xz";
    private static final Pattern LINE = Pattern.compile("^\\s*(.+)-(\\d+)\\s+\\[(\\d+)\\]\\s+\\S+\\s+(\\d+)\\.(\\d+): (\\w+): ?(.*)$");
    private static final Pattern VCPU = Pattern.compile("^vcpu (\\d+)");
    private static final Pattern REASON = Pattern.compile(" reason (\\S+)");

    /** One trace line. */
    public record Line(int tid, int cpu, long ns, String event, String payload) {
    }

    /** One kvm_exit paired with the next kvm_entry of its thread. */
    public record Exit(long ns, long durationNs, int tid, int cpu, int vcpu, String reason) {
    }

    public static Path path() {
        return Samples.path(SAMPLE);
    }

    public static List<Line> lines() throws IOException {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new XZInputStream(Files.newInputStream(path())),
                StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                Matcher m = LINE.matcher(l);
                if (!m.matches()) continue;
                String frac = (m.group(5) + "000000000").substring(0, 9);
                long ns = Long.parseLong(m.group(4)) * 1_000_000_000L + Long.parseLong(frac);
                out.add(new Line(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), ns, m.group(6), m.group(7)));
            }
        }
        return out;
    }

    /**
     * kvm_exit → the next kvm_entry of the same thread. A newer exit of the thread before any entry takes
     * the older one's place; {@link #replacedExits} counts those.
     */
    public static List<Exit> exits(List<Line> lines) {
        List<Exit> out = new ArrayList<>();
        Map<Integer, Line> open = new HashMap<>();
        for (Line l : lines) {
            if (l.event().equals("kvm_exit")) {
                open.put(l.tid(), l);
            } else if (l.event().equals("kvm_entry")) {
                Line x = open.remove(l.tid());
                if (x == null) continue;
                Matcher v = VCPU.matcher(x.payload()), rs = REASON.matcher(x.payload());
                if (!v.find() || !rs.find()) throw new IllegalStateException("unexpected kvm_exit: " + x.payload());
                out.add(new Exit(x.ns(), l.ns() - x.ns(), x.tid(), x.cpu(), Integer.parseInt(v.group(1)), rs.group(1)));
            }
        }
        return out;
    }

    public static long replacedExits(List<Line> lines) {
        long n = 0;
        Map<Integer, Boolean> open = new HashMap<>();
        for (Line l : lines) {
            if (l.event().equals("kvm_exit") && open.put(l.tid(), true) != null) n++;
            else if (l.event().equals("kvm_entry")) open.remove(l.tid());
        }
        return n;
    }

    /** Counts per log2 bucket, keyed by the bucket's lower bound: [2^i, 2^(i+1)), and 0 for [0, 1). */
    public static Map<Long, Long> log2Counts(List<Long> durations) {
        Map<Long, Long> m = new HashMap<>();
        for (long d : durations) {
            long lo = 0;
            if (d >= 1) {
                lo = 1;
                while (lo * 2 <= d) lo *= 2;
            }
            m.merge(lo, 1L, Long::sum);
        }
        return m;
    }

    public static Map<Long, Long> linearCounts(List<Long> durations, long width) {
        Map<Long, Long> m = new HashMap<>();
        for (long d : durations) m.merge(d / width * width, 1L, Long::sum);
        return m;
    }
}
