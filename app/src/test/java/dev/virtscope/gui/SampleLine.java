package dev.virtscope.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event line of an ftrace text sample, split by a plain regular expression: the test's own,
 * independent reading of the file, used to state what the window must show.
 */
public record SampleLine(String comm, int tid, int cpu, String time, String event, String payload) {
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.+)-(\\d+)\\s+(?:\\(\\s*[-\\d]+\\)\\s+)?\\[(\\d+)\\]\\s+(?:[^\\s]{4,5}\\s+)?(\\d+(?:\\.\\d+)?):\\s+([\\w]+):\\s?(.*)$");

    public static SampleLine parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) return null;
        return new SampleLine(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4),
                m.group(5), m.group(6));
    }

    /** Every event line of the file, in file order. */
    public static List<SampleLine> all(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(SampleLine::parse)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Event lines of the file: lines that are neither comments nor blank (the test's count). */
    public static long countEventLines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !l.startsWith("#") && !l.isBlank() && !l.contains("LOST") && !l.startsWith("CPU:")
                    && !l.startsWith("#####")).count();
        }
    }

    /** The timestamp in ns, or the raw count for counter clocks (no decimal point). */
    public long ns() {
        int dot = time.indexOf('.');
        if (dot < 0) return Long.parseLong(time);
        String frac = (time.substring(dot + 1) + "000000000").substring(0, 9);
        return Long.parseLong(time.substring(0, dot)) * 1_000_000_000L + Long.parseLong(frac);
    }
}
