package dev.virtscope.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tukaani.xz.XZInputStream;

/** The test's own reading of an ftrace text sample: one record per event line, split by a regex. */
record SampleLines(String comm, int tid, int cpu, double seconds, String event, String payload) {
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.+)-(\\d+)\\s+\\[(\\d+)\\]\\s+\\S{4,5}\\s+(\\d+\\.\\d+):\\s+(\\w+):\\s?(.*)$");

    private static final Pattern SWITCH_FROM = Pattern.compile("prev_comm=(.*) prev_pid=(\\d+) .*");

    /**
     * The task's name at this event. ftrace prints the name it had when the trace was read; a
     * sched_switch away from the task records the name it had at that moment, in prev_comm.
     */
    String commAtTime() {
        if (!event.equals("sched_switch")) return comm;
        Matcher m = SWITCH_FROM.matcher(payload);
        return m.matches() && Integer.parseInt(m.group(2)) == tid ? m.group(1) : comm;
    }

    static List<SampleLines> read(Path file) throws IOException {
        List<SampleLines> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                file.toString().endsWith(".xz") ? new XZInputStream(Files.newInputStream(file)) : Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                Matcher m = LINE.matcher(l);
                if (l.startsWith("#") || !m.matches()) continue;
                out.add(new SampleLines(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Double.parseDouble(m.group(4)), m.group(5), m.group(6)));
            }
        }
        return out;
    }
}
