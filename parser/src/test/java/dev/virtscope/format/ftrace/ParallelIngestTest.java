package dev.virtscope.format.ftrace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.virtscope.Samples;
import dev.virtscope.format.Formats;
import dev.virtscope.format.LoadMonitor;
import dev.virtscope.io.TraceSource;
import dev.virtscope.store.EventStore;
import dev.virtscope.store.EventStoreBuilder;

/**
 * The parallel importer (chunks parsed on several threads, merged in file order) builds exactly the
 * store the sequential importer builds, on every real ftrace and trace-cmd report sample cut into many
 * small chunks, and on damaged copies of real samples (warnings with line numbers, lost markers).
 */
class ParallelIngestTest {
    @TempDir
    Path tmp;

    static List<String> samples() throws IOException {
        return SampleTexts.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void parallelLoadEqualsSequentialLoad(String sample) throws IOException {
        Path file = Samples.path(sample);
        TraceSource src = new TraceSource(file);
        boolean report = Formats.all().detect(src).name().equals(TraceCmdReportFormat.NAME);
        long bytes;
        try (InputStream in = src.open()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        EventStore want = sequential(file, report);
        // about 60 chunks per sample, never fewer than a few lines each
        for (int chunk : new int[] {(int) Math.max(256, bytes / 60), (int) Math.max(256, bytes / 7)}) {
            SameStore.assertSame(want, parallel(file, report, chunk, 3), sample + " in chunks of " + chunk + " bytes");
        }
    }

    @Test
    void damagedLinesGiveTheSameWarningsAndLineNumbers() throws IOException {
        for (String sample : List.of("generated/ftrace/trace_pipe-kvm-sched-6.18-first6000.txt.xz", "generated/ftrace/trace-variant-latencyformat.txt",
                "generated/trace-cmd/report-3.1.6-ts-diff.txt.xz", "generated/trace-cmd/dropped-v7-zstd.dat.report.txt.xz")) {
            List<String> lines = SampleTexts.lines(sample);
            List<String> damaged = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                // every 13th line cut somewhere (a warning, or still an event), every 101st followed by a lost marker
                damaged.add(i % 13 == 5 ? l.substring(0, (int) ((i * 7919L) % (l.length() + 1))) : l);
                if (i % 101 == 50) damaged.add("CPU:" + (i % 3) + " [LOST " + i + " EVENTS]");
            }
            Path f = tmp.resolve("damaged.txt");
            Files.write(f, damaged, StandardCharsets.UTF_8);
            for (boolean report : new boolean[] {false, true}) {
                EventStore want = sequential(f, report);
                assertTrue(want.warnings().count() > 0 && want.lost().size() > 0, sample);
                for (int chunk : new int[] {256, 4096}) {
                    SameStore.assertSame(want, parallel(f, report, chunk, 3), "damaged " + sample + " in chunks of " + chunk);
                }
            }
        }
    }

    private static EventStore sequential(Path file, boolean report) throws IOException {
        EventStoreBuilder b = new EventStoreBuilder();
        new FtraceTextImporter(b, report).load(new TraceSource(file), LoadMonitor.NONE);
        return b.build("test");
    }

    private static EventStore parallel(Path file, boolean report, int chunkBytes, int threads) throws IOException {
        EventStoreBuilder b = new EventStoreBuilder();
        // an events-per-byte guess far too low: chunk columns must grow past their first block
        new ParallelFtraceImporter(report, chunkBytes, threads, 1e-3).load(new TraceSource(file), b, LoadMonitor.NONE);
        return b.build("test");
    }
}
