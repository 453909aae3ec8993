package dev.virtscope.format.ftrace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.virtscope.Samples;
import dev.virtscope.io.TraceSource;

/**
 * The ftrace and trace-cmd report text samples, and an independent way to count their event lines:
 * every non-blank line minus the lines that are headers or markers (recognised by regexes here, not by
 * the importer's byte scanner).
 */
final class SampleTexts {
    private static final Pattern NOT_EVENT = Pattern.compile(
            "^\\s*(#.*|(\\S+: +)*(cpus=\\d+|version = \\d+|CPU \\d+ is empty|CPU:\\d+ \\[[^\\]]*\\]))\\s*$");

    private SampleTexts() {
    }

    /** Every ftrace-style text sample, as paths under samples/. */
    static List<String> all() throws IOException {
        List<String> out = new ArrayList<>();
        add(out, "generated/ftrace", f -> true);
        add(out, "generated/trace-cmd", f -> f.startsWith("report-") || f.endsWith(".report.txt.xz") || f.endsWith(".trace.txt.xz"));
        add(out, "captured/ftrace", f -> f.endsWith(".txt.xz"));
        add(out, "captured/nested", f -> f.contains(".ftrace") || f.contains(".report"));
        add(out, "captured/session", f -> f.contains("-ftrace.") || f.endsWith(".report-t.txt.xz"));
        add(out, "public/tracecompass-incubator", f -> true);
        add(out, "public/trappy", f -> f.endsWith(".txt") || f.contains(".dat.report"));
        return out;
    }

    private static void add(List<String> out, String dir, java.util.function.Predicate<String> keep) throws IOException {
        try (Stream<Path> s = Files.list(Samples.path(dir))) {
            s.map(p -> p.getFileName().toString()).filter(keep).sorted().forEach(f -> out.add(dir + "/" + f));
        }
    }

    static List<String> lines(String sample) throws IOException {
        TraceSource src = new TraceSource(Samples.path(sample));
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(src.open(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) out.add(l);
        }
        return out;
    }

    static long eventLines(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !NOT_EVENT.matcher(l).matches() && !continuation(l)).count();
    }

    /** An indented line without any ':' cannot be an event header: it is the rest of a multi-line trace_printk text. */
    static boolean continuation(String l) {
        return Character.isWhitespace(l.charAt(0)) && l.indexOf(':') < 0;
    }

    /** Lines on which {@code name:} is the event (the token right after the time column). */
    static long linesOfType(List<String> lines, String name) {
        Pattern p = Pattern.compile("(\\d|us.|\\)):\\s+(\\(\\+\\d+\\)\\s+)?" + Pattern.quote(name) + ":(\\s|$)");
        return lines.stream().filter(l -> !l.startsWith("#") && p.matcher(l).find()).count();
    }
}
