package dev.virtscope.analysis.kvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tukaani.xz.XZInputStream;

/**
 * The reference the kvm tests compare against, written without any VirtScope code: a plain regex over the
 * text of a trace (tracefs text, trace-cmd report in plugin or -R form, perf script) that pairs each
 * kvm_exit with the next kvm_entry of the same thread id, in file order, like the classic perf-script
 * recipe. An exit followed by another exit of its thread before any entry is dropped (no entry is known
 * for it), as is one still open at the end.
 */
public final class ExitScan {
    /** {@code comm-tid [cpu] (flags) sec.usec: (kvm:)event: payload}; comm may hold spaces; perf has {@code comm tid}. */
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.+?)[- ](\\d+)\\s+\\[(\\d+)\\]\\s+(?:[.\\w]{4,5}\\s+)?(\\d+)\\.(\\d+):\\s+(?:kvm:)?(kvm_exit|kvm_entry):\\s+(.*)$");
    private static final Pattern PRINTED_REASON = Pattern.compile("(?:^|\\s)reason (.+?) rip ");
    private static final Pattern RAW_REASON = Pattern.compile("(?:^|\\s)exit_reason=(\\d+)\\s.*\\bisa=(\\d+)");

    /**
     * SVM exit codes → the kernel's printed names (arch/x86/include/uapi/asm/svm.h, SVM_EXIT_REASONS), for
     * the codes of the bundled AMD captures; {@code trace-cmd report -R} prints only the number.
     */
    private static final Map<Integer, String> SVM = Map.ofEntries(Map.entry(0x000, "read_cr0"), Map.entry(0x004, "read_cr4"),
            Map.entry(0x010, "write_cr0"), Map.entry(0x014, "write_cr4"), Map.entry(0x030, "write_dr0"),
            Map.entry(0x060, "interrupt"), Map.entry(0x064, "vintr"), Map.entry(0x065, "cr0_sel_write"),
            Map.entry(0x072, "cpuid"), Map.entry(0x073, "rsm"), Map.entry(0x078, "hlt"), Map.entry(0x07b, "io"),
            Map.entry(0x07c, "msr"), Map.entry(0x089, "wbinvd"), Map.entry(0x400, "npf"));

    /** Durations (ns) of the paired exits per reason as printed, in file order. */
    public final Map<String, List<Long>> byReason = new TreeMap<>();
    public long exits;
    public long paired;

    private ExitScan() {
    }

    public static ExitScan of(Path f) throws IOException {
        ExitScan s = new ExitScan();
        Map<String, long[]> openTs = new HashMap<>();
        Map<String, String> openReason = new HashMap<>();
        try (BufferedReader r = reader(f)) {
            for (String l; (l = r.readLine()) != null; ) {
                Matcher m = LINE.matcher(l);
                if (!m.matches()) continue;
                String tid = m.group(2);
                String frac = (m.group(5) + "000000000").substring(0, 9);
                long ns = Long.parseLong(m.group(4)) * 1_000_000_000L + Long.parseLong(frac);
                if (m.group(6).equals("kvm_exit")) {
                    s.exits++;
                    openTs.put(tid, new long[]{ns});
                    openReason.put(tid, reason(m.group(7), l));
                } else {
                    long[] t = openTs.remove(tid);
                    if (t == null) continue;
                    s.paired++;
                    s.byReason.computeIfAbsent(openReason.remove(tid), k -> new ArrayList<>()).add(ns - t[0]);
                }
            }
        }
        return s;
    }

    private static String reason(String payload, String line) {
        Matcher p = PRINTED_REASON.matcher(payload);
        if (p.find()) return p.group(1);
        Matcher raw = RAW_REASON.matcher(payload);
        if (!raw.find()) throw new IllegalStateException("no reason in " + line);
        if (!raw.group(2).equals("2")) throw new IllegalStateException("the table here is SVM's (isa=2): " + line);
        String n = SVM.get(Integer.parseInt(raw.group(1)));
        if (n == null) throw new IllegalStateException("add this svm.h code to the table: " + line);
        return n;
    }

    private static BufferedReader reader(Path f) throws IOException {
        InputStream in = Files.newInputStream(f);
        if (f.getFileName().toString().endsWith(".xz")) in = new XZInputStream(in);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** All paired durations, every reason. */
    public List<Long> all() {
        List<Long> a = new ArrayList<>();
        byReason.values().forEach(a::addAll);
        return a;
    }

    /**
     * The classic recipe's log2 histogram: bucket [2^i, 2^(i+1)) keyed by its lower bound 2^i; a zero
     * duration (exit and entry in the same printed µs) goes to [0, 1), keyed 0.
     */
    public static Map<Long, Long> log2Buckets(List<Long> durations) {
        Map<Long, Long> m = new TreeMap<>();
        for (long d : durations) {
            long lo = 0;
            if (d > 0) {
                lo = 1;
                while (lo <= d / 2) lo *= 2;
            }
            m.merge(lo, 1L, Long::sum);
        }
        return m;
    }
}
