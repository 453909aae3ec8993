package dev.virtscope.analysis.kvm;

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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.virtscope.Samples;
import dev.virtscope.io.TraceSource;

/**
 * A perf script text made only of real lines, for what no bundled capture has: kvm tracepoints that
 * also carry callchains ({@code perf record -g -e 'kvm:*'}). Every line of the nested capture's
 * {@code perf script} (kvm and sched tracepoints, no callchains) is followed by a real callchain of
 * the qemu-kvm capture (taken in turn), so each tracepoint becomes both an event and a stack sample.
 * The expectations are read back from the text with regexes, independently of the importer.
 */
public final class KvmCallchainText {
    public static final String EVENTS = "captured/nested/nested-svm-inner-smp2-secs5.perf-script.txt.xz";
    public static final String CHAINS = "captured/perf-callchains/qemu-kvm-linux-smp2.perf-script.txt.xz";
    private static final Pattern HEADER = Pattern.compile("^\\s*(.+?)\\s+(\\d+)\\s+\\[(\\d+)\\]\\s+(\\d+)\\.(\\d+):\\s+(\\S+):(.*)$");
    private static final Pattern REASON = Pattern.compile("reason (\\S+)");

    /** One tracepoint line: thread, time in ns, event with its system. */
    public record Line(int tid, long ns, String event, String rest) {
    }

    public final List<Line> lines = new ArrayList<>();
    private final List<String> text = new ArrayList<>();

    public KvmCallchainText() throws IOException {
        List<List<String>> chains = chains();
        int k = 0;
        for (String l : read(EVENTS)) {
            Matcher m = HEADER.matcher(l);
            if (!m.matches()) throw new IllegalStateException("not a tracepoint line: " + l);
            String frac = (m.group(5) + "000000000").substring(0, 9);
            lines.add(new Line(Integer.parseInt(m.group(2)), Long.parseLong(m.group(4)) * 1_000_000_000L + Long.parseLong(frac),
                    m.group(6), m.group(7)));
            text.add(l);
            text.addAll(chains.get(k++ % chains.size()));
            text.add("");
        }
    }

    /** Writes the text to dir and returns the file. */
    public Path write(Path dir) throws IOException {
        Path f = dir.resolve("kvm-with-callchains.perf-script.txt");
        Files.write(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** How many lines (= samples) fall inside an exit of reason (null = any) on their own thread: exit ≤ t < entry. */
    public long samplesInExits(String reason) {
        return samplesInExits(reason, -1);
    }

    /** The same, for the lines of one thread (tid -1: every thread). */
    public long samplesInExits(String reason, int tid) {
        Map<Integer, TreeMap<Long, long[]>> intervals = new HashMap<>();  // tid → start → {end}
        Map<Integer, Long> openAt = new HashMap<>();
        Map<Integer, String> openReason = new HashMap<>();
        for (Line l : lines) {
            if (l.event.equals("kvm:kvm_exit")) {
                Matcher m = REASON.matcher(l.rest);
                if (!m.find()) throw new IllegalStateException(l.rest);
                openAt.put(l.tid, l.ns);
                openReason.put(l.tid, m.group(1));
            } else if (l.event.equals("kvm:kvm_entry") && openAt.containsKey(l.tid)) {
                long start = openAt.remove(l.tid);
                String r = openReason.remove(l.tid);
                if (reason == null || reason.equals(r)) intervals.computeIfAbsent(l.tid, t -> new TreeMap<>()).put(start, new long[] {l.ns});
            }
        }
        long n = 0;
        for (Line l : lines) {
            if (tid >= 0 && l.tid != tid) continue;
            TreeMap<Long, long[]> iv = intervals.get(l.tid);
            Map.Entry<Long, long[]> e = iv == null ? null : iv.floorEntry(l.ns);
            if (e != null && l.ns < e.getValue()[0]) n++;
        }
        return n;
    }

    /** The callchains of the qemu-kvm capture: the tab-indented lines after each sample header. */
    private static List<List<String>> chains() throws IOException {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = null;
        for (String l : read(CHAINS)) {
            if (l.startsWith("\t")) {
                if (cur == null) out.add(cur = new ArrayList<>());
                cur.add(l);
            } else {
                cur = null;
            }
        }
        return out;
    }

    private static List<String> read(String sample) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new TraceSource(Samples.path(sample)).open(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) if (!l.isBlank()) out.add(l);
        }
        return out;
    }
}
