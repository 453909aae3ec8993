package dev.virtscope.format.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import dev.virtscope.io.TraceSource;

/** Detection by content: each text sample goes to the right one of the two formats, other samples to neither. */
class FtraceProbeTest {
    private final FtraceFormat kernel = new FtraceFormat();
    private final TraceCmdReportFormat report = new TraceCmdReportFormat();

    @Test
    void textSamplesAreToldApart() throws IOException {
        for (String sample : SampleTexts.all()) {
            byte[] head = new TraceSource(Samples.path(sample)).head();
            // trace-cmd report files are the ones named report and the trappy/Trace Compass files whose
            // event names are padded (report) rather than followed by one space (kernel)
            boolean isReport = sample.contains("report") || hasPaddedNames(head);
            assertEquals(isReport ? 0 : 100, kernel.probe(head) == 0 ? 0 : 100, sample);
            assertEquals(isReport ? 100 : 0, report.probe(head) == 0 ? 0 : 100, sample);
        }
    }

    @Test
    void otherSamplesAreNotTaken() throws IOException {
        Set<String> ours = Set.copyOf(SampleTexts.all());
        List<Path> all;
        try (Stream<Path> s = Files.walk(Samples.root())) {
            all = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("PROVENANCE.md")).toList();
        }
        int others = 0;
        for (Path p : all) {
            String rel = Samples.root().relativize(p).toString().replace('\\', '/');
            if (ours.contains(rel)) continue;
            byte[] head = new TraceSource(p).head();
            assertEquals(0, kernel.probe(head), rel);
            assertEquals(0, report.probe(head), rel);
            others++;
        }
        assertEquals(true, others > 20);
    }

    /** An independent look: does a line show "name:" followed by two or more spaces after the time? */
    private static boolean hasPaddedNames(byte[] head) {
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        return java.util.regex.Pattern.compile("(?m)\\d: (\\w{1,18}):  +\\S").matcher(text).find()
                || java.util.regex.Pattern.compile("(?m)^(\\S+: )?cpus=\\d+$").matcher(text).find();
    }
}
