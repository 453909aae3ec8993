package dev.virtscope.format.tracedat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.virtscope.Samples;
import dev.virtscope.format.TraceLoader;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;

/**
 * Payload text is each event's kernel {@code print fmt} evaluated on the record. The reference is
 * {@code trace-cmd report -N -t} (no plugins), where libtraceevent evaluates the same print fmt
 * independently: sched_switch/sched_waking, kvm_pio, kvm_userspace_exit, kvm_set_irq, kvm_fpu,
 * kvm_cpuid, cpu_idle, thermal and cdev events, and trace_printk's bprint with its packed arguments.
 */
class TraceDatPayloadTextTest {
    private static final Pattern EVENT = Pattern.compile("-(\\d+)\\s+\\[(\\d+)\\]\\s+(\\d+)\\.(\\d{9}):\\s+(\\S+?):");

    @ParameterizedTest
    @CsvSource({
            "generated/trace-cmd/kvmsample-v7-zstd.dat, generated/trace-cmd/report-3.1.6-N-t-noplugins.txt.xz, generated/trace-cmd/report-3.1.6-R-t-raw.txt.xz",
            "public/trappy/raw_trace.dat.gz, public/trappy/raw_trace.dat.report-N.txt.xz, ",
            "public/trappy/trace.dat.gz, public/trappy/trace.dat.report-N.txt.xz, ",
            "public/trappy/trace_idle.dat.gz, public/trappy/trace_idle.dat.report-N.txt.xz, ",
    })
    void payloadTextEqualsPrintFmtEvaluation(String dat, String report, String rawReport) throws IOException {
        EventStore s = TraceLoader.standard().load(Samples.path(dat)).events();
        List<String> expected = reference(report);
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < s.size(); i++)
            actual.add(String.format("%020d %4d %7d %s: %s", s.ts(i), s.cpu(i), s.tid(i), s.eventName(i), s.payloadString(i)));
        assertTrue(expected.size() > 40, report + " has events");
        assertEquals(expected.size(), actual.size(), dat + ": event count");
        Collections.sort(expected);
        Collections.sort(actual);
        Map<String, String> raw = rawReport == null || rawReport.isEmpty() ? Map.of() : rawByKey(rawReport);
        List<String> wrong = new ArrayList<>();
        int kernelOnly = 0;
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i), a = actual.get(i);
            if (e.equals(a)) continue;
            if (isLibtraceeventUnsignedCompare(e, a, raw)) {
                kernelOnly++;
                continue;
            }
            wrong.add("expected " + e + "\n     got " + a);
        }
        assertTrue(wrong.isEmpty(), dat + ": " + wrong.size() + " payloads differ, first: " + wrong.subList(0, Math.min(5, wrong.size())));
        long expectedKernelOnly = raw.entrySet().stream()
                .filter(x -> x.getKey().endsWith(" kvm_userspace_exit") && x.getValue().contains("errno=-")).count();
        assertEquals(expectedKernelOnly, kernelOnly, dat + ": events where the kernel and libtraceevent differ");
    }

    /**
     * kvm_userspace_exit's print fmt starts with {@code REC->errno < 0 ? (REC->errno == -4 ? "restart" : "error")};
     * libtraceevent compares errno unsigned and prints the reason table, the kernel prints
     * "reason restart (4)" (generated/ftrace/trace-kvm-sched-6.18.txt.xz has such lines). Those events
     * must carry errno=-N in the raw report and show the kernel's text.
     */
    private static boolean isLibtraceeventUnsignedCompare(String expected, String actual, Map<String, String> raw) {
        int colon = actual.indexOf(": ");
        String key = actual.substring(0, colon);
        if (!key.endsWith(" kvm_userspace_exit") || !expected.startsWith(key + ": ")) return false;
        String fields = raw.get(key);
        if (fields == null) return false;
        Matcher m = Pattern.compile("errno=-(\\d+)").matcher(fields);
        if (!m.find()) return false;
        String errno = m.group(1);
        String word = errno.equals("4") ? "restart" : "error";
        return actual.equals(key + ": reason " + word + " (" + errno + ")");
    }

    private static Map<String, String> rawByKey(String report) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String line : reference(report)) {
            int colon = line.indexOf(": ");
            m.put(line.substring(0, colon), line.substring(colon + 2));
        }
        return m;
    }

    /** Event lines of the report; a line that is not an event continues the previous payload (embedded newline). */
    static List<String> reference(String report) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new TraceSource(Samples.path(report)).open(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = EVENT.matcher(line);
                if (!m.find()) {
                    if (!out.isEmpty() && !line.startsWith("cpus=")) out.set(out.size() - 1, out.get(out.size() - 1) + "\n" + line);
                    continue;
                }
                long ts = Long.parseLong(m.group(3)) * 1_000_000_000L + Long.parseLong(m.group(4));
                String name = m.group(5);
                // report pads "name:" with spaces to 21 columns, then one space
                int pad = Math.max(1, 21 - name.length());
                String payload = line.substring(Math.min(line.length(), m.end() + pad));
                out.add(String.format("%020d %4d %7d %s: %s", ts, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), name, payload));
            }
        }
        return out;
    }
}
