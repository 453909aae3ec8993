package dev.virtscope.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.virtscope.io.TraceSource;

/**
 * A large kernel ftrace text made from a real one: the sample's header once, then its event lines
 * repeated, each copy shifted in time past the end of the previous copy so the result stays
 * time-ordered. Not synthetic content: every line is a real line with a new timestamp.
 */
final class FtraceConcat {
    private static final Pattern TIME = Pattern.compile("^(.*?\\] \\S* *)(\\d+)\\.(\\d{6})(: .*)$");

    private FtraceConcat() {
    }

    /** Writes copies of sample until the file reaches targetBytes; returns the number of copies. */
    static int write(Path sample, Path target, long targetBytes) throws IOException {
        List<String> header = new ArrayList<>();
        List<String[]> parts = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new TraceSource(sample).open(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                if (l.startsWith("#")) {
                    // the copies hold more entries than the header says: drop the counts line
                    if (!l.contains("entries-in-buffer")) header.add(l);
                    continue;
                }
                Matcher m = TIME.matcher(l);
                if (!m.matches()) continue;
                parts.add(new String[] {m.group(1), m.group(4)});
                times.add(Long.parseLong(m.group(2)) * 1_000_000 + Long.parseLong(m.group(3)));
            }
        }
        long first = times.get(0), last = times.get(times.size() - 1);
        long period = last - first + 1000;
        int copies = 0;
        long written = 0;
        StringBuilder sb = new StringBuilder(256);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8), 1 << 20)) {
            for (String h : header) w.write(h + "\n");
            while (written < targetBytes) {
                long shift = copies * period;
                for (int i = 0; i < parts.size(); i++) {
                    long us = times.get(i) + shift;
                    sb.setLength(0);
                    sb.append(parts.get(i)[0]).append(us / 1_000_000).append('.');
                    String frac = Long.toString(us % 1_000_000);
                    for (int k = frac.length(); k < 6; k++) sb.append('0');
                    sb.append(frac).append(parts.get(i)[1]).append('\n');
                    w.append(sb);
                    written += sb.length();
                }
                copies++;
            }
        }
        return copies;
    }
}
