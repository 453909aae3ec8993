package dev.virtscope.gui.flame;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.virtscope.io.TraceSource;

/**
 * The sample headers of a perf script file with callchains, read with a regex (independently of the
 * importer): {@code comm tid time: period event:} as the per-command recordings print them.
 */
record PerfSamples(List<Sample> samples) {
    private static final Pattern HEADER = Pattern.compile("^(\\S.*?)\\s+(\\d+)\\s+(\\d+)\\.(\\d+):\\s+(\\d+)\\s+\\S+:\\s*$");

    record Sample(String comm, int tid, long ns, long period) {
    }

    static PerfSamples read(Path file) throws IOException {
        List<Sample> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new TraceSource(file).open(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                Matcher m = HEADER.matcher(l);
                if (!m.matches()) continue;
                String frac = (m.group(4) + "000000000").substring(0, 9);
                out.add(new Sample(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)) * 1_000_000_000L + Long.parseLong(frac),
                        Long.parseLong(m.group(5))));
            }
        }
        return new PerfSamples(out);
    }

    /** Sum of the periods of the samples that p accepts. */
    long period(Predicate<Sample> p) {
        return samples.stream().filter(p).mapToLong(Sample::period).sum();
    }

    long count(Predicate<Sample> p) {
        return samples.stream().filter(p).count();
    }
}
